package vn.tthc.monitor.kpi.topology.forecast;

/** What the forecast tracker reads, within the task that sums a unit's rows: one unit's open case or rows changed. */
sealed interface ForecastInput {

    String unitId();

    /** An open case of the unit changed (from the repartition topic keyed by unit). */
    record CaseChanged(String unitId, ForecastCaseUpdate update) implements ForecastInput {
    }

    /**
     * An on-time counter of the unit's rows changed, or their withdrawals (from the rows stage, in the same task), by
     * the case {@code entityId}; {@code closesCase}: by its resolution or withdrawal.
     */
    record RowChanged(String unitId, String entityId, boolean closesCase) implements ForecastInput {
    }
}
