package vn.tthc.monitor.kpi.topology.verdicts;

/**
 * What the own verdict tracker of a unit tells the top unit of each subtree that counts it about one ended period
 * before its cut-off ({@link VerdictTopology#VERDICT_OPEN_COUNTS_BY_TOP}), when it changes: how many cases the unit
 * received in the period (its {@code *} row's {@code received}) and how many of those are still open. The subtree
 * tracker keeps the latest of each unit in {@link vn.tthc.monitor.kpi.topology.StoreCatalog#SUBTREE_VERDICT_OPEN_STORE}.
 *
 * @param tree the organisation's fingerprint it was sent over: a count sent over another tree (before a restart with
 *             a changed file) is dropped, the units sending theirs again over the new one
 */
public record OpenCount(String unitId, String period, long received, long open, String tree) {

    /** Whether the count says nothing the subtree needs: no case received in the period, none open. */
    boolean isEmpty() {
        return received == 0 && open == 0;
    }
}
