package vn.tthc.monitor.kpi.topology.subtree;

import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * A change of one subtree row, on its way from the task of an own row to the task of the subtree's top unit
 * ({@link SubtreeTopology#SUBTREE_CHANGES}).
 *
 * @param tree    the organisation it was spread over ({@link SubtreeTopology#treeTag}): a change spread over
 *                another tree (before a restart with a changed file) is dropped, the rows being rebuilt
 * @param child   the child of the top unit under which the own row's unit sits; empty for the top unit's own rows
 * @param row     the subtree row: the top unit, the own row's field and period
 * @param change  what the own row's counters changed by (the whole row when its unit's rows are spread again)
 */
public record SubtreeChange(long tree, String child, KpiRowKey row, KpiCounters change) {
}
