package vn.tthc.monitor.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.TestAlerts.onTime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionEventType;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.NotifierSettings;
import vn.tthc.monitor.notifier.testing.InMemoryLedger;
import vn.tthc.monitor.notifier.testing.MutableClock;
import vn.tthc.monitor.notifier.testing.RecordingTransport;
import vn.tthc.monitor.notifier.testing.TestAlerts;

/**
 * Overdue corrective actions through the rules and the dispatcher, over a recording transport and an in-memory ledger:
 * an action past its due date while its alert is open goes to the heads of the unit above once per due date, across a
 * restart, and not at all once the alert has resolved, before the inputs are read or for another notifier's unit.
 * NOW is 22/11/2026 14:00 in Vietnam; Bàn Cờ's breach of November is open.
 */
class OverdueActionDispatchTest {

    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 21);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingTransport mail = new RecordingTransport(ChannelKind.EMAIL);

    private Dispatcher notifier(final Predicate<String> owns) {
        final NotifierSettings settings = new NotifierSettings(Duration.ofHours(4), Duration.ofMinutes(15),
            Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ZERO);
        return new Dispatcher(new NotificationRules(UNITS, TestAlerts.alertMessages("http://127.0.0.1:3000",
            "http://127.0.0.1:8080"), TestAlerts.digestMessages("http://127.0.0.1:3000", null), settings),
            TestAlerts.verdictRules(UNITS, "http://127.0.0.1:3000"), settings, clock, ledger,
            List.of(mail, new RecordingTransport(ChannelKind.WEBHOOK)), new NotificationMetrics(new SimpleMeterRegistry()),
            key -> { }, owns);
    }

    /** Bàn Cờ's open breach and its action due on {@code due}, read as at a start. */
    private static Dispatcher withOverdueAction(final Dispatcher notifier, final LocalDate due) {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.onAction(recorded(due, NOW.minus(Duration.ofDays(5))));
        notifier.inputsRead(true);
        return notifier;
    }

    private static ActionEvent recorded(final LocalDate due, final Instant at) {
        return new ActionEvent(onTime(AlertState.RAISED, NOW).key(), UUID.randomUUID().toString(), ActionEventType.RECORDED,
            "truong-phuong-bc", ActionChannel.API, at, "Thiếu cán bộ tiếp nhận", "Bổ sung hai cán bộ một cửa",
            "Phó Chủ tịch phường", due, null);
    }

    private List<Delivery> overdueMails() {
        return mail.sent().stream().filter(d -> d.notification().kind() == NotificationKind.OVERDUE_ACTION).toList();
    }

    @Test
    void anActionPastItsDateWithItsAlertOpenIsMailedOnceToTheHeadsOfTheUnitAbove() {
        final Dispatcher notifier = withOverdueAction(notifier(unit -> true), YESTERDAY);
        notifier.tick();
        notifier.tick();

        assertThat(overdueMails()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("quang.le@example.org");
            assertThat(d.notification().message().subject()).isEqualTo(
                "Quá hạn hành động khắc phục: UBND phường Bàn Cờ — Tỷ lệ hồ sơ giải quyết đúng hạn tháng 11/2026");
            assertThat(d.notification().message().body()).contains("Kính gửi lãnh đạo UBND Thành phố,",
                "Nguyên nhân: Thiếu cán bộ tiếp nhận", "Hành động khắc phục: Bổ sung hai cán bộ một cửa",
                "Người chịu trách nhiệm: Phó Chủ tịch phường", "Thời hạn hoàn thành: 21/11/2026", "93%", "mục tiêu 98%",
                "http://127.0.0.1:8080/#/alerts");
            assertThat(d.notification().identity())
                .isEqualTo("overdue-action|[\"UBND-P-BAN-CO\",\"*\",\"2026-11\",\"onTimeRate\"]|2026-11-21");
        });
    }

    @Test
    void aRestartDoesNotMailItAgain() {
        withOverdueAction(notifier(unit -> true), YESTERDAY).tick();
        withOverdueAction(notifier(unit -> true), YESTERDAY).tick();

        assertThat(overdueMails()).hasSize(1);
    }

    @Test
    void anActionDueTodayIsNotMailed() {
        withOverdueAction(notifier(unit -> true), LocalDate.of(2026, 11, 22)).tick();

        assertThat(overdueMails()).isEmpty();
    }

    @Test
    void nothingIsMailedWhenTheAlertHasResolved() {
        final Dispatcher notifier = withOverdueAction(notifier(unit -> true), YESTERDAY);
        notifier.onAlert(onTime(AlertState.RESOLVED, NOW));
        notifier.tick();

        assertThat(overdueMails()).isEmpty();
    }

    @Test
    void nothingIsMailedBeforeTheAlertsAndActionsAreReadToWhereTheyStoodAtTheStart() {
        final Dispatcher notifier = notifier(unit -> true);
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.onAction(recorded(YESTERDAY, NOW.minus(Duration.ofDays(5))));
        notifier.tick();
        assertThat(overdueMails()).isEmpty();

        notifier.inputsRead(true);
        notifier.tick();
        assertThat(overdueMails()).hasSize(1);
    }

    @Test
    void theUnitOfAnotherNotifierIsNotMailedHere() {
        withOverdueAction(notifier(unit -> false), YESTERDAY).tick();

        assertThat(overdueMails()).isEmpty();
    }

    @Test
    void aLaterDueDateRecordedAfterTheEscalationIsMailedAgainOnceItHasPassed() {
        final Dispatcher notifier = withOverdueAction(notifier(unit -> true), YESTERDAY);
        notifier.tick();
        notifier.onAction(recorded(LocalDate.of(2026, 11, 25), NOW.plusSeconds(60)));
        notifier.tick();
        assertThat(overdueMails()).hasSize(1);

        clock.advance(Duration.ofDays(3).plusHours(9)); // 25/11 23:00 in Vietnam: still the due day
        notifier.tick();
        assertThat(overdueMails()).hasSize(1);
        clock.advance(Duration.ofHours(1)); // 26/11 00:00
        notifier.tick();
        assertThat(overdueMails()).hasSize(2).last().satisfies(d ->
            assertThat(d.notification().message().body()).contains("Thời hạn hoàn thành: 25/11/2026"));
    }
}
