package vn.tthc.monitor.contract.cases;

import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.HistoryFullException;
import vn.tthc.monitor.contract.event.CaseEvent;

/**
 * The distinct events of one case (by {@code eventId}), kept in the order of EVENTS.md section 2
 * whatever order they arrived in. A repeated {@code eventId} is a duplicate delivery: the event
 * first delivered is kept. It holds at most {@link #MAX_EVENTS} events: which events of a case
 * past that many are refused depends on their arrival (docs/CONTRACT-NOTES.md, "Bounded histories").
 */
public record CaseHistory(String caseId, List<CaseEvent> events) {

    /** The most distinct events a case's history holds: a real case has a few dozen at most. */
    public static final int MAX_EVENTS = 64;

    public CaseHistory {
        events = List.copyOf(events);
    }

    public static CaseHistory empty(final String caseId) {
        return new CaseHistory(caseId, List.of());
    }

    public boolean contains(final String eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    /**
     * This history with {@code event} added in its place, or this history when the event id is known.
     *
     * @throws HistoryFullException when the history holds {@link #MAX_EVENTS} events and not this one
     */
    public CaseHistory with(final CaseEvent event) {
        if (contains(event.eventId())) {
            return this;
        }
        if (events.size() >= MAX_EVENTS) {
            throw new HistoryFullException("case", caseId, MAX_EVENTS, event.eventId());
        }
        final List<CaseEvent> merged = new ArrayList<>(events.size() + 1);
        merged.addAll(events);
        int position = merged.size();
        while (position > 0 && CaseEvent.CASE_ORDER.compare(merged.get(position - 1), event) > 0) {
            position--;
        }
        merged.add(position, event);
        return new CaseHistory(caseId, merged);
    }

    /** This history without the event of {@code event}'s id, or this history when it has no such event. */
    public CaseHistory without(final CaseEvent event) {
        if (!contains(event.eventId())) {
            return this;
        }
        return new CaseHistory(caseId, events.stream().filter(e -> !e.eventId().equals(event.eventId())).toList());
    }
}
