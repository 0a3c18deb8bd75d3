package vn.tthc.monitor.contract.feedback;

import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.event.FeedbackEvent;

/** The distinct events of one feedback (by {@code eventId}), in feedback order; the first delivered is kept. */
public record FeedbackHistory(String feedbackId, List<FeedbackEvent> events) {

    public FeedbackHistory {
        events = List.copyOf(events);
    }

    public static FeedbackHistory empty(final String feedbackId) {
        return new FeedbackHistory(feedbackId, List.of());
    }

    public boolean contains(final String eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    public FeedbackHistory with(final FeedbackEvent event) {
        if (contains(event.eventId())) {
            return this;
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
