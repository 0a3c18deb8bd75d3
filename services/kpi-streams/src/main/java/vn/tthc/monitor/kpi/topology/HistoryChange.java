package vn.tthc.monitor.kpi.topology;

import vn.tthc.monitor.contract.event.Event;

/** An entity's history before and after {@code event} was added to it or taken out. Passed within a task, never serialized. */
public record HistoryChange<H>(String id, Event event, H before, H after) {
}
