package vn.tthc.monitor.kpi.topology.forecast;

/** What the forecast tracker of the subtree rows reads, in the task that sums the top unit's subtree rows. */
sealed interface SubtreeForecastInput {

    String topUnitId();

    /** A unit under the top (or the top itself) spread the projection of one of its rows. */
    record Spread(String topUnitId, ForecastSpread spread) implements SubtreeForecastInput {
    }

    /** An on-time counter of one of the top's subtree rows changed. */
    record RowChanged(String topUnitId) implements SubtreeForecastInput {
    }
}
