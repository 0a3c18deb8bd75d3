package vn.tthc.monitor.kpi.topology.subtree;

import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * What one change of a unit's own rows makes of the subtree rows of one top unit, on its way from the task of the
 * own rows to the task of the top unit ({@link SubtreeTopology#SUBTREE_CHANGES}).
 *
 * @param tree   the organisation it was spread over ({@link SubtreeTopology#treeTag}): a change spread over another
 *               tree (before a restart with a changed file) is dropped, the rows being rebuilt
 * @param child  the child of the top unit under which the own rows' unit sits; empty for the top unit's own rows
 * @param rows   the subtree rows' changes, keyed by the top unit, the own rows' field and period (the own rows
 *               whole when a task spreads them all again)
 */
public record SubtreeChange(long tree, String child, KpiContribution rows) {
}
