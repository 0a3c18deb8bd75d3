package vn.tthc.monitor.kpi.topology.subtree;

import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * One unit's parts of the subtree rows of one top unit, on their way from the task of the unit's own rows to the
 * task of the top unit ({@link SubtreeTopology#SUBTREE_CHANGES}, keyed by the top unit): each own row's counters as
 * they are now, not a change, so that a part sent twice (a task revived after an aborted transaction spreads again)
 * leaves the subtree rows as they were.
 *
 * @param tree   the organisation it was spread over ({@link vn.tthc.monitor.contract.org.Organisation#fingerprintTag}): parts spread over another
 *               tree (before a restart with a changed file) are dropped, the rows being rebuilt
 * @param child  the child of the top unit under which the unit sits; empty for the top unit's own rows
 * @param unitId the unit whose own rows these are
 * @param whole  whether these are all the unit's own rows: a part of the unit that is not among them is zero (a row
 *               deleted, back to zero, before the task was revived)
 * @param rows   the unit's own rows (keyed by the unit, field and period) with their counters now; zero for a row that
 *               was deleted
 */
public record SubtreeParts(long tree, String child, String unitId, boolean whole, KpiContribution rows) {
}
