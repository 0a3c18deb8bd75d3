package vn.tthc.monitor.contract.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;

class CorrectiveActionTest {

    private static final List<String> KEY = List.of("UBND-P-VTS", "*", "2026-12", "onTimeRate");
    /** 05/12/2026 10:00 in Vietnam. */
    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

    private static ActionEvent event(final ActionEventType type, final String by, final Instant at, final LocalDate due) {
        final boolean recorded = type == ActionEventType.RECORDED;
        return new ActionEvent(KEY, by + at, type, by, ActionChannel.API, at, recorded ? "Thiếu cán bộ" : null,
            recorded ? "Bổ sung cán bộ một cửa" : null, recorded ? "Nguyễn Văn Á" : null, due, null);
    }

    @Test
    void theFirstAcknowledgementStaysAndARecordingCorrectsTheOneBefore() {
        CorrectiveAction action = CorrectiveAction.apply(null, event(ActionEventType.ACKNOWLEDGED, "an", NOW, null));
        action = CorrectiveAction.apply(action, event(ActionEventType.ACKNOWLEDGED, "binh", NOW.plusSeconds(60), null));
        assertThat(action.acknowledgedBy()).isEqualTo("an");
        assertThat(action.recorded()).isFalse();
        assertThat(action.state(NOW)).isEqualTo(ActionState.OPEN);

        action = CorrectiveAction.apply(action, event(ActionEventType.RECORDED, "binh", NOW.plusSeconds(120), LocalDate.of(2026, 12, 10)));
        action = CorrectiveAction.apply(action, event(ActionEventType.RECORDED, "chi", NOW.plusSeconds(180), LocalDate.of(2026, 12, 12)));
        assertThat(action.revision()).isEqualTo(2);
        assertThat(action.recordedBy()).isEqualTo("chi");
        assertThat(action.due()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(action.events()).hasSize(4).extracting(ActionEvent::by).containsExactly("an", "binh", "binh", "chi");
    }

    @Test
    void aRecordingAcknowledgesWhenNothingDid() {
        final CorrectiveAction action = CorrectiveAction.apply(null,
            event(ActionEventType.RECORDED, "binh", NOW, LocalDate.of(2026, 12, 10)));
        assertThat(action.acknowledgedBy()).isEqualTo("binh");
        assertThat(action.acknowledgedAt()).isEqualTo(NOW);
    }

    @Test
    void overdueFromTheDayAfterTheDueDateInVietnamUntilDone() {
        CorrectiveAction action = CorrectiveAction.apply(null,
            event(ActionEventType.RECORDED, "binh", NOW, LocalDate.of(2026, 12, 10)));
        // 10/12 23:59 in Vietnam is still the due day; 11/12 00:00 (10/12 17:00 UTC) is past it
        assertThat(action.state(Instant.parse("2026-12-10T16:59:00Z"))).isEqualTo(ActionState.OPEN);
        assertThat(action.state(Instant.parse("2026-12-10T17:00:00Z"))).isEqualTo(ActionState.OVERDUE);
        action = CorrectiveAction.apply(action, event(ActionEventType.COMPLETED, "binh", Instant.parse("2026-12-11T01:00:00Z"), null));
        assertThat(action.state(Instant.parse("2026-12-20T00:00:00Z"))).isEqualTo(ActionState.DONE);
        // a new recording after completion reopens it
        action = CorrectiveAction.apply(action, event(ActionEventType.RECORDED, "chi", Instant.parse("2026-12-12T01:00:00Z"),
            LocalDate.of(2026, 12, 30)));
        assertThat(action.completedAt()).isNull();
        assertThat(action.state(Instant.parse("2026-12-20T00:00:00Z"))).isEqualTo(ActionState.OPEN);
    }

    @Test
    void eventsAndActionsRoundTripAsJson() throws Exception {
        final ActionEvent event = event(ActionEventType.RECORDED, "binh", NOW, LocalDate.of(2026, 12, 10));
        final String json = ContractJson.mapper().writeValueAsString(event);
        assertThat(json).contains("\"due\":\"2026-12-10\"").contains("\"type\":\"RECORDED\"");
        assertThat(ContractJson.mapper().readValue(json, ActionEvent.class)).isEqualTo(event);
        final CorrectiveAction action = CorrectiveAction.apply(null, event);
        assertThat(ContractJson.mapper().readValue(ContractJson.mapper().writeValueAsString(action), CorrectiveAction.class))
            .isEqualTo(action);
    }

    @Test
    void alertKeysAreParsedStrictly() {
        assertThat(AlertKeys.parse("[\"UBND-P-VTS\",\"*\",\"2026-12\",\"onTimeRate\"]")).contains(KEY);
        assertThat(AlertKeys.parse("[\"U\",\"*\",\"2026-12\",\"onTimeRate\",\"subtree\",\"AT_RISK\"]")).isPresent();
        assertThat(AlertKeys.parse("[\"U\",\"*\",\"2026-12\",\"onTimeRate\",\"AT_RISK\",\"subtree\"]")).isEmpty();
        assertThat(AlertKeys.parse("[\"U\",\"*\",\"2026-12\",\"noSuchKpi\"]")).isEmpty();
        assertThat(AlertKeys.parse("[\"U\",\"*\",\"2026-12\"]")).isEmpty();
        assertThat(AlertKeys.parse("{\"a\":1}")).isEmpty();
        assertThat(AlertKeys.parse("not json")).isEmpty();
        assertThat(AlertKeys.text(KEY)).isEqualTo("[\"UBND-P-VTS\",\"*\",\"2026-12\",\"onTimeRate\"]");
    }
}
