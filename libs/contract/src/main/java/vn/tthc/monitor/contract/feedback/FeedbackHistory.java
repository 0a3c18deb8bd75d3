package vn.tthc.monitor.contract.feedback;

import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.HistoryFullException;
import vn.tthc.monitor.contract.event.FeedbackEvent;

/**
 * The distinct events of one feedback (by {@code eventId}), in feedback order; the first delivered
 * is kept. At most {@link #MAX_EVENTS} events, like a case's history (docs/CONTRACT-NOTES.md).
 */
public record FeedbackHistory(String feedbackId, List<FeedbackEvent> events) {

    /** The most distinct events a feedback's history holds: a real feedback has two or three. */
    public static final int MAX_EVENTS = 16;

    public FeedbackHistory {
        events = List.copyOf(events);
    }

    public static FeedbackHistory empty(final String feedbackId) {
        return new FeedbackHistory(feedbackId, List.of());
    }

    public boolean contains(final String eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    /**
     * This history with {@code event} added in its place, or this history when the event id is known.
     *
     * @throws HistoryFullException when the history holds {@link #MAX_EVENTS} events and not this one
     */
    public FeedbackHistory with(final FeedbackEvent event) {
        if (contains(event.eventId())) {
            return this;
        }
        if (events.size() >= MAX_EVENTS) {
            throw new HistoryFullException("feedback", feedbackId, MAX_EVENTS, event.eventId());
        }
        final List<FeedbackEvent> merged = new ArrayList<>(events);
        merged.add(event);
        merged.sort(FeedbackEvent.FEEDBACK_ORDER);
        return new FeedbackHistory(feedbackId, merged);
    }

    /** This history without the event of {@code event}'s id, or this history when it has no such event. */
    public FeedbackHistory without(final FeedbackEvent event) {
        if (!contains(event.eventId())) {
            return this;
        }
        return new FeedbackHistory(feedbackId, events.stream().filter(e -> !e.eventId().equals(event.eventId())).toList());
    }
}
