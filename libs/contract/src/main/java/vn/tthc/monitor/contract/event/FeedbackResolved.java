package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code feedback.resolved}. */
public record FeedbackResolved(String eventId, Instant occurredAt, String source, String feedbackId) implements FeedbackEvent {

    @Override
    public EventType type() {
        return EventType.FEEDBACK_RESOLVED;
    }
}
