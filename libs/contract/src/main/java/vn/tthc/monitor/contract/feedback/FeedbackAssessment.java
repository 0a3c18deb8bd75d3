package vn.tthc.monitor.contract.feedback;

import java.util.List;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;

/**
 * A feedback judged by the case rules "in spirit" (EVENTS.md section 1): the first reception and
 * the first resolution in feedback order count, later ones are ignored; a feedback with no
 * reception enters no KPI.
 */
public record FeedbackAssessment(String feedbackId, FeedbackReceived reception, FeedbackResolved resolution) {

    public static FeedbackAssessment assess(final FeedbackHistory history) {
        return new FeedbackAssessment(history.feedbackId(),
            first(history.events(), FeedbackReceived.class), first(history.events(), FeedbackResolved.class));
    }

    /** Received and resolved: the feedback counts in {@code feedbackResolved}. */
    public boolean isCounted() {
        return reception != null && resolution != null;
    }

    /** Resolved at or before its due time. */
    public boolean isOnTime() {
        return isCounted() && !resolution.occurredAt().isAfter(reception.dueAt());
    }

    private static <T extends FeedbackEvent> T first(final List<FeedbackEvent> events, final Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
}
