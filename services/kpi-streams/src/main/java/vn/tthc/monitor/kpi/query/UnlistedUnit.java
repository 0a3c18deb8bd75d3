package vn.tthc.monitor.kpi.query;

/**
 * A unit seen in events (it has own KPI rows) but missing from the organisation file: it counts in its own rows
 * and in no subtree until the file lists it.
 *
 * @param rows its own KPI rows (every field and {@code *}, every period)
 */
public record UnlistedUnit(String unitId, long rows) {
}
