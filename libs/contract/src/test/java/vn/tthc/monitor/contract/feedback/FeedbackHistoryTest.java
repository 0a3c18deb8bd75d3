package vn.tthc.monitor.contract.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tthc.monitor.contract.testing.TestEvents.FEEDBACK;
import static vn.tthc.monitor.contract.testing.TestEvents.feedbackResolved;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.HistoryFullException;

/** docs/CONTRACT-NOTES.md, "Bounded histories": a feedback's history holds at most {@link FeedbackHistory#MAX_EVENTS} events. */
class FeedbackHistoryTest {

    @Test
    void aFullHistoryRefusesAFurtherDistinctEventAndKeepsARepeatedOne() {
        FeedbackHistory history = FeedbackHistory.empty(FEEDBACK);
        for (int i = 0; i < FeedbackHistory.MAX_EVENTS; i++) {
            history = history.with(feedbackResolved("f" + i, vn("2026-03-02T08:00").plusSeconds(i)));
        }
        final FeedbackHistory full = history;

        assertThatThrownBy(() -> full.with(feedbackResolved("one-more", vn("2026-03-03T08:00"))))
            .isInstanceOf(HistoryFullException.class)
            .hasMessageContaining("feedback " + FEEDBACK + " holds 16 distinct events");
        assertThat(full.with(feedbackResolved("f3", vn("2026-03-02T08:00")))).isSameAs(full);
    }
}
