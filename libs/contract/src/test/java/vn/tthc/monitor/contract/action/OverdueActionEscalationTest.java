package vn.tthc.monitor.contract.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.action.OverdueActionEscalation.Escalation;

class OverdueActionEscalationTest {

    private static final List<String> KEY = List.of("UBND-P-VTS", "*", "2026-12", "onTimeRate");
    /** The due date of the scenarios: 10/12/2026. */
    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);
    /** 10/12/2026 23:59 in Vietnam: still the due day. */
    private static final Instant LAST_MINUTE_OF_DUE_DAY = Instant.parse("2026-12-10T16:59:00Z");
    /** 11/12/2026 00:00 in Vietnam: the day after the due date. */
    private static final Instant DAY_AFTER = Instant.parse("2026-12-10T17:00:00Z");

    private static ActionEvent event(final ActionEventType type, final Instant at, final LocalDate due) {
        final boolean recorded = type == ActionEventType.RECORDED;
        return new ActionEvent(KEY, UUID.randomUUID().toString(), type, "binh", ActionChannel.API, at,
            recorded ? "Thiếu cán bộ" : null, recorded ? "Bổ sung cán bộ một cửa" : null, recorded ? "Nguyễn Văn Á" : null,
            due, null);
    }

    private static CorrectiveAction recorded(final LocalDate due) {
        return CorrectiveAction.apply(null, event(ActionEventType.RECORDED, Instant.parse("2026-12-05T03:00:00Z"), due));
    }

    @Test
    void anActionDueTodayIsNotEscalated() {
        assertThat(OverdueActionEscalation.at(recorded(DUE), true, LAST_MINUTE_OF_DUE_DAY)).isEmpty();
    }

    @Test
    void anActionDueYesterdayWithItsAlertOpenIsEscalatedOnceForThatDate() {
        assertThat(OverdueActionEscalation.at(recorded(DUE), true, DAY_AFTER))
            .contains(new Escalation(KEY, DUE));
        assertThat(new Escalation(KEY, DUE).identity())
            .isEqualTo("overdue-action|[\"UBND-P-VTS\",\"*\",\"2026-12\",\"onTimeRate\"]|2026-12-10");
    }

    @Test
    void aCompletedActionIsNotEscalated() {
        final CorrectiveAction done = CorrectiveAction.apply(recorded(DUE),
            event(ActionEventType.COMPLETED, Instant.parse("2026-12-11T01:00:00Z"), null));
        assertThat(OverdueActionEscalation.at(done, true, DAY_AFTER.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void anOverdueActionWhoseAlertHasResolvedIsNotEscalated() {
        assertThat(OverdueActionEscalation.at(recorded(DUE), false, DAY_AFTER)).isEmpty();
    }

    @Test
    void anAcknowledgementWithoutARecordingIsNeverOverdue() {
        final CorrectiveAction acknowledged = CorrectiveAction.apply(null,
            event(ActionEventType.ACKNOWLEDGED, Instant.parse("2026-12-05T03:00:00Z"), null));
        assertThat(OverdueActionEscalation.at(acknowledged, true, DAY_AFTER.plusSeconds(365L * 86_400))).isEmpty();
        assertThat(OverdueActionEscalation.at(null, true, DAY_AFTER)).isEmpty();
    }

    @Test
    void aRecordingWithALaterDateAfterTheEscalationIsEscalatedAgainOnlyOnceThatDateHasPassed() {
        final Escalation first = OverdueActionEscalation.at(recorded(DUE), true, DAY_AFTER).orElseThrow();
        final LocalDate later = LocalDate.of(2026, 12, 20);
        final CorrectiveAction corrected = CorrectiveAction.apply(recorded(DUE),
            event(ActionEventType.RECORDED, DAY_AFTER.plusSeconds(3_600), later));
        assertThat(OverdueActionEscalation.at(corrected, true, Instant.parse("2026-12-20T16:59:00Z"))).isEmpty();
        final Escalation second = OverdueActionEscalation.at(corrected, true, Instant.parse("2026-12-20T17:00:00Z"))
            .orElseThrow();
        assertThat(second.due()).isEqualTo(later);
        assertThat(second.identity()).isNotEqualTo(first.identity());
    }

    @Test
    void theSameDateRecordedAgainIsTheSameEscalation() {
        final CorrectiveAction again = CorrectiveAction.apply(recorded(DUE),
            event(ActionEventType.RECORDED, Instant.parse("2026-12-06T03:00:00Z"), DUE));
        assertThat(OverdueActionEscalation.at(again, true, DAY_AFTER).orElseThrow().identity())
            .isEqualTo(OverdueActionEscalation.at(recorded(DUE), true, DAY_AFTER).orElseThrow().identity());
    }
}
