package vn.tthc.monitor.kpi.topology.forecast;

/** What the forecast tracker of the subtree rows reads, in the task that sums the top unit's subtree rows. */
sealed interface SubtreeForecastInput {

    String topUnitId();

    /** A unit under the top (or the top itself) spread the projections of its rows that changed, or all of them. */
    record Spread(String topUnitId, ForecastParts parts) implements SubtreeForecastInput {
    }

    /** An on-time counter of one of the top's subtree rows changed. */
    record RowChanged(String topUnitId) implements SubtreeForecastInput {
    }
}
