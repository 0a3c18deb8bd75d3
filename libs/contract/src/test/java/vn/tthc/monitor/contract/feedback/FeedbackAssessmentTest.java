package vn.tthc.monitor.contract.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.FEEDBACK;
import static vn.tthc.monitor.contract.testing.TestEvents.feedbackReceived;
import static vn.tthc.monitor.contract.testing.TestEvents.feedbackResolved;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;

/** EVENTS.md sections 1 and 3: feedback follows the case rules in spirit; on time means at or before its dueAt. */
class FeedbackAssessmentTest {

    private static final Instant DUE = vn("2026-03-20T17:00");
    private static final FeedbackReceived RECEPTION = feedbackReceived("f-r1", vn("2026-03-02T08:00"), DUE);

    private static FeedbackAssessment assess(final FeedbackEvent... arrivals) {
        FeedbackHistory history = FeedbackHistory.empty(FEEDBACK);
        for (final FeedbackEvent event : arrivals) {
            history = history.with(event);
        }
        return FeedbackAssessment.assess(history);
    }

    @Test
    void feedbackResolvedBeforeItsDueIsCountedOnTime() {
        final FeedbackAssessment assessment = assess(RECEPTION, feedbackResolved("f-s1", vn("2026-03-18T08:00")));

        assertThat(assessment.isCounted()).isTrue();
        assertThat(assessment.isOnTime()).isTrue();
    }

    @Test
    void feedbackResolvedExactlyAtItsDueIsOnTime() {
        assertThat(assess(RECEPTION, feedbackResolved("f-s1", DUE)).isOnTime()).isTrue();
    }

    @Test
    void feedbackResolvedOneSecondAfterItsDueIsCountedButNotOnTime() {
        final FeedbackAssessment assessment = assess(RECEPTION, feedbackResolved("f-s1", DUE.plusSeconds(1)));

        assertThat(assessment.isCounted()).isTrue();
        assertThat(assessment.isOnTime()).isFalse();
    }

    @Test
    void feedbackResolvedLaterOnTheDueDateIsNotOnTime() {
        assertThat(assess(RECEPTION, feedbackResolved("f-s1", vn("2026-03-20T17:30"))).isOnTime()).isFalse();
    }

    @Test
    void feedbackWhoseReceptionNeverArrivesIsNotCounted() {
        final FeedbackAssessment assessment = assess(feedbackResolved("f-s1", vn("2026-03-18T08:00")));

        assertThat(assessment.isCounted()).isFalse();
        assertThat(assessment.isOnTime()).isFalse();
    }

    @Test
    void unresolvedFeedbackIsNotCounted() {
        assertThat(assess(RECEPTION).isCounted()).isFalse();
    }

    @Test
    void theFirstResolutionByOccurredAtCountsEvenWhenItArrivesLast() {
        final FeedbackResolved early = feedbackResolved("f-s2", vn("2026-03-19T08:00"));

        final FeedbackAssessment assessment = assess(RECEPTION, feedbackResolved("f-s1", vn("2026-03-23T08:00")), early);

        assertThat(assessment.resolution()).isEqualTo(early);
        assertThat(assessment.isOnTime()).isTrue();
    }

    @Test
    void theFirstReceptionByOccurredAtCountsAndItsDueDecides() {
        final FeedbackReceived later = feedbackReceived("f-r2", vn("2026-03-03T08:00"), vn("2026-03-30T17:00"));

        final FeedbackAssessment assessment = assess(later, feedbackResolved("f-s1", vn("2026-03-25T08:00")), RECEPTION);

        assertThat(assessment.reception()).isEqualTo(RECEPTION);
        assertThat(assessment.isOnTime()).isFalse();
    }

    @Test
    void theFirstReceptionCountsEvenWhenTheResolutionPrecedesItInTime() {
        final FeedbackAssessment assessment = assess(feedbackResolved("f-s1", vn("2026-03-01T08:00")), RECEPTION);

        assertThat(assessment.isCounted()).isTrue();
        assertThat(assessment.isOnTime()).isTrue();
    }

    @Test
    void aRepeatedEventIdIsADuplicateAndTheFirstDeliveredIsKept() {
        final FeedbackResolved first = feedbackResolved("f-s1", vn("2026-03-25T08:00"));

        final FeedbackAssessment assessment = assess(RECEPTION, first, feedbackResolved("f-s1", vn("2026-03-10T08:00")));

        assertThat(assessment.resolution()).isEqualTo(first);
    }

    @Test
    void aResolutionTakenOutOfTheHistoryNoLongerCounts() {
        final FeedbackResolved resolution = feedbackResolved("f-s1", vn("2026-03-18T08:00"));
        final FeedbackHistory history = FeedbackHistory.empty(FEEDBACK).with(RECEPTION).with(resolution);

        assertThat(FeedbackAssessment.assess(history.without(resolution)))
            .isEqualTo(FeedbackAssessment.assess(FeedbackHistory.empty(FEEDBACK).with(RECEPTION)));
        assertThat(history.without(resolution).without(resolution).events()).containsExactly(RECEPTION);
    }
}
