package vn.tthc.monitor.kpi.topology;

import vn.tthc.monitor.contract.event.Event;

/**
 * What the rules make of an entity's history (a {@code CaseAssessment} or a {@code FeedbackAssessment}) before
 * and after {@code event} was added to it or taken out: assessed once, where the history changed, for every stage
 * that reads the change. {@code before} assesses the empty history when the entity had none. Passed within a
 * task, never serialized.
 */
public record HistoryChange<A>(String id, Event event, A before, A after) {
}
