package vn.tthc.monitor.kpi.topology.forecast;

/** What the forecast tracker reads, within the task that sums a unit's rows: one unit's open case or rows changed. */
sealed interface ForecastInput {

    String unitId();

    /** An open case of the unit changed (from the repartition topic keyed by unit). */
    record CaseChanged(String unitId, ForecastCaseUpdate update) implements ForecastInput {
    }

    /** An on-time counter of one of the unit's rows changed (from the rows stage, in the same task). */
    record RowChanged(String unitId) implements ForecastInput {
    }
}
