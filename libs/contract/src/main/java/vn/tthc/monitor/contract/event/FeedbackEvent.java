package vn.tthc.monitor.contract.event;

import java.util.Comparator;

/** An event of a citizen's feedback or petition (PAKN), keyed by {@code feedbackId}. */
public sealed interface FeedbackEvent extends Event permits FeedbackReceived, FeedbackResolved {

    /** Same rule as for cases: by {@code occurredAt}, reception before resolution, then by {@code eventId}. */
    Comparator<FeedbackEvent> FEEDBACK_ORDER = Comparator.comparing(FeedbackEvent::occurredAt)
        .thenComparing(FeedbackEvent::type)
        .thenComparing(FeedbackEvent::eventId);

    String feedbackId();

    @Override
    default String key() {
        return feedbackId();
    }
}
