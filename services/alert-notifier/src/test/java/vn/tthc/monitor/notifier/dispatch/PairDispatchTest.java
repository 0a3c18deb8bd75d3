package vn.tthc.monitor.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.TestAlerts.onTime;
import static vn.tthc.monitor.notifier.testing.TestAlerts.warning;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning.Kind;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.NotifierSettings;
import vn.tthc.monitor.notifier.testing.InMemoryLedger;
import vn.tthc.monitor.notifier.testing.MutableClock;
import vn.tthc.monitor.notifier.testing.RecordingTransport;
import vn.tthc.monitor.notifier.testing.TestAlerts;
import vn.tthc.monitor.notifier.testing.VerdictFixtures;

/**
 * Two notifiers over one ledger, each fed every alert, warning and verdict, each telling only the units it owns
 * (docs/NOTIFIER.md, Two or more instances): the other holds what is due for them, drops what the owner told, and
 * tells the rest once it owns the unit, with the owner's keys; the escalation and digest timers come from the records.
 */
class PairDispatchTest {

    private static final Duration ESCALATE_AFTER = Duration.ofHours(4);
    private static final Duration DIGEST_INTERVAL = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String WARD = "UBND-P-BAN-CO";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingTransport mailA = new RecordingTransport(ChannelKind.EMAIL);
    private final RecordingTransport mailB = new RecordingTransport(ChannelKind.EMAIL);
    private final Set<String> ownedByA = new HashSet<>(Set.of(WARD));
    private final Set<String> ownedByB = new HashSet<>();
    private final List<String> settledByB = new ArrayList<>();
    private final Dispatcher a = build(mailA, ownedByA, key -> { });
    private final Dispatcher b = build(mailB, ownedByB, settledByB::add);

    private Dispatcher build(final RecordingTransport mail, final Set<String> owned,
                             final Consumer<String> settled) {
        final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
        final NotifierSettings settings = new NotifierSettings(ESCALATE_AFTER, DIGEST_INTERVAL, Duration.ofSeconds(2),
            Duration.ofMinutes(5), WINDOW);
        final Dispatcher dispatcher = new Dispatcher(new NotificationRules(UNITS, TestAlerts.alertMessages(links.baseUrl(), null),
            TestAlerts.digestMessages(links.baseUrl(), null), settings), TestAlerts.verdictRules(UNITS, links.baseUrl()),
            settings, clock, ledger, List.of(mail, new RecordingTransport(ChannelKind.WEBHOOK)),
            new NotificationMetrics(new SimpleMeterRegistry()), settled, owned::contains);
        dispatcher.inputsRead(true);
        return dispatcher;
    }

    private void both(final Consumer<Dispatcher> step) {
        step.accept(a);
        step.accept(b);
    }

    private void tick() {
        both(Dispatcher::tick);
    }

    /** A dies: B takes the ward over (its ledger is read to the end). */
    private void bTakesOver() {
        ownedByA.clear();
        ownedByB.add(WARD);
    }

    private static List<String> keys(final RecordingTransport mail) {
        return mail.sent().stream().map(Delivery::idempotencyKey).toList();
    }

    @Test
    void onlyTheOwnerTellsAndTheOtherTellsNothingItToldOnceItOwnsTheUnit() {
        final KpiAlert raised = onTime(AlertState.RAISED, NOW);
        both(d -> d.onAlert(raised));
        clock.advance(WINDOW);
        tick();
        assertThat(mailA.subjects()).hasSize(2).allMatch(s -> s.startsWith("Cảnh báo: UBND phường Bàn Cờ"));
        assertThat(mailB.sent()).isEmpty();

        bTakesOver();
        clock.advance(Duration.ofSeconds(1));
        tick();
        assertThat(mailB.sent()).as("told by A, in the ledger").isEmpty();

        both(d -> d.onAlert(onTime(AlertState.RESOLVED, NOW)));
        clock.advance(WINDOW);
        tick();
        assertThat(mailB.subjects()).hasSize(2).allMatch(s -> s.startsWith("Đã khắc phục: UBND phường Bàn Cờ"));
        assertThat(mailA.sent()).hasSize(2);
    }

    @Test
    void whatTheOwnerHadNotToldWhenItDiedIsToldByTheOtherWithTheSameKeys() {
        final KpiAlert raised = onTime(AlertState.RAISED, NOW);
        both(d -> d.onAlert(raised));
        clock.advance(WINDOW.minusSeconds(1));
        tick();
        assertThat(mailA.sent()).as("the window is not over").isEmpty();

        // A dies before the window ends: what would have been its mails are B's, with the keys A would have used
        bTakesOver();
        clock.advance(Duration.ofSeconds(1));
        b.tick();

        assertThat(mailB.subjects()).hasSize(2).allMatch(s -> s.startsWith("Cảnh báo: UBND phường Bàn Cờ"));
        assertThat(keys(mailB)).containsExactlyInAnyOrderElementsOf(expectedKeysOfOneNotifier(raised));
        assertThat(mailA.sent()).isEmpty();
    }

    /** The raise mails' keys as a single notifier owning everything gives them. */
    private List<String> expectedKeysOfOneNotifier(final KpiAlert raised) {
        final RecordingTransport mail = new RecordingTransport(ChannelKind.EMAIL);
        final InMemoryLedger own = new InMemoryLedger();
        final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
        final NotifierSettings settings = new NotifierSettings(ESCALATE_AFTER, DIGEST_INTERVAL, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ZERO);
        final Dispatcher single = new Dispatcher(new NotificationRules(UNITS, TestAlerts.alertMessages(links.baseUrl(), null),
            TestAlerts.digestMessages(links.baseUrl(), null), settings), TestAlerts.verdictRules(UNITS, links.baseUrl()),
            settings, clock, own, List.of(mail), new NotificationMetrics(new SimpleMeterRegistry()), key -> { }, unit -> true);
        single.inputsRead(true);
        single.onAlert(raised);
        single.tick();
        return keys(mail);
    }

    @Test
    void theEscalationTimerSurvivesTheOwnerForItComesFromRaisedAt() {
        both(d -> d.onAlert(onTime(AlertState.RAISED, NOW)));
        clock.advance(WINDOW);
        tick();
        bTakesOver();
        clock.advance(ESCALATE_AFTER.minus(WINDOW));
        tick();

        assertThat(mailB.subjects()).singleElement().asString().startsWith("Chuyển cấp: UBND phường Bàn Cờ");
        assertThat(mailB.sent().get(0).address()).isEqualTo("quang.le@example.org");
        tick();
        assertThat(mailB.sent()).hasSize(1);
    }

    @Test
    void aDigestDueWhileTheOwnerIsDeadIsToldByTheOtherAtItsTimeAndWarningsToldByTheOwnerAreSettledThere() {
        both(d -> d.onWarning(warning(Kind.OVERDUE, "HS-1", WARD, NOW)));
        clock.advance(DIGEST_INTERVAL);
        tick();
        assertThat(mailA.subjects()).hasSize(2).allMatch(s -> s.startsWith("Tổng hợp hồ sơ"));
        assertThat(settledByB).as("told by A: B's offsets may pass it").containsExactly("warning|HS-1|OVERDUE|"
            + NOW.minusSeconds(600));

        both(d -> d.onWarning(warning(Kind.OVERDUE, "HS-2", WARD, NOW.plus(DIGEST_INTERVAL))));
        bTakesOver();
        clock.advance(DIGEST_INTERVAL);
        tick();
        assertThat(mailB.sent()).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.notification().warningKeys()).containsExactly("warning|HS-2|OVERDUE|"
                + NOW.minusSeconds(600).plus(DIGEST_INTERVAL));
        });
    }

    @Test
    void deliveriesOfAUnitGivenUpAreDroppedAndToldByItsNewOwner() {
        mailA.down();
        both(d -> d.onAlert(onTime(AlertState.RAISED, NOW)));
        clock.advance(WINDOW);
        tick();
        assertThat(a.pendingDeliveries()).isEqualTo(2);

        bTakesOver();
        a.dropUnowned();
        mailA.up();
        clock.advance(Duration.ofMinutes(1));
        tick();

        assertThat(a.pendingDeliveries()).isZero();
        assertThat(mailA.sent()).isEmpty();
        assertThat(mailB.subjects()).hasSize(2).allMatch(s -> s.startsWith("Cảnh báo: UBND phường Bàn Cờ"));
    }

    @Test
    void aVerdictOfAUnitAnotherOwnsIsHeldAndToldOnceByWhoeverOwnsItWhenDue() {
        both(d -> d.onVerdictReport(VerdictFixtures.banCoVerdict()));
        tick();
        assertThat(mailA.sent()).isNotEmpty();
        final int toldByA = mailA.sent().size();

        bTakesOver();
        tick();
        assertThat(mailB.sent()).as("A told it").isEmpty();

        both(d -> d.onVerdictReport(VerdictFixtures.banCoCorrection()));
        tick();
        assertThat(mailB.sent()).hasSize(toldByA);
        assertThat(mailA.sent()).hasSize(toldByA);
    }
}
