package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code feedback.received}: a feedback or petition (PAKN) the unit must handle by {@code dueAt}. */
public record FeedbackReceived(String eventId, Instant occurredAt, String source, String feedbackId, String unitId, Instant dueAt) implements FeedbackEvent {

    @Override
    public EventType type() {
        return EventType.FEEDBACK_RECEIVED;
    }
}
