package vn.tthc.monitor.kpi.topology;

/** An entity's history before and after an event added to it. Passed within a task, never serialized. */
public record HistoryChange<H>(String id, H before, H after) {
}
