package vn.tthc.monitor.notifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.TestAlerts.onTime;
import static vn.tthc.monitor.notifier.testing.TestAlerts.warning;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.CaseWarning.Kind;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.testing.TestAlerts;

/**
 * The rules alone, without queue, transports or ledger: alerts, warnings and moments go in with the
 * keys already told (a plain set here), and the decisions come out as values.
 */
class NotificationRulesTest {

    private static final Duration ESCALATE_AFTER = Duration.ofHours(4);
    private static final Duration DIGEST_INTERVAL = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final Set<String> told = new HashSet<>();
    private final NotificationRules rules = rules(UNITS);

    private static NotificationRules rules(final UnitRegistry units) {
        final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
        final NotificationRules rules = new NotificationRules(units, TestAlerts.alertMessages(links.baseUrl(), null),
            TestAlerts.digestMessages(links.baseUrl(), null),
            new NotifierSettings(ESCALATE_AFTER, DIGEST_INTERVAL, Duration.ofSeconds(2), Duration.ofMinutes(5), WINDOW));
        rules.inputsRead(true);
        return rules;
    }

    /** What is due once the group window opened by an alert at {@link TestAlerts#NOW} is over. */
    private Decision dueAfterTheWindow() {
        return rules.due(NOW.plus(WINDOW), told::contains, told::contains, unit -> true);
    }

    /** Marks every delivery as done, as the dispatcher's ledger would. */
    private void done(final Decision decision) {
        decision.deliveries().forEach(d -> told.addAll(d.toldKeys()));
        decision.deliveries().forEach(d -> told.add(d.idempotencyKey()));
    }

    @Test
    void aRaisedAlertWaitsForItsWindowThenIsOneDeliveryPerHeadWithAKeyOfItsOwn() {
        assertThat(rules.onAlert(onTime(AlertState.RAISED, NOW), NOW, told::contains)).isEqualTo(Decision.NOTHING);
        assertThat(rules.due(NOW.plus(WINDOW).minusMillis(1), told::contains, told::contains, unit -> true).deliveries()).isEmpty();

        final List<Delivery> deliveries = dueAfterTheWindow().deliveries();

        assertThat(deliveries).extracting(Delivery::address)
            .containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.channel()).isEqualTo(ChannelKind.EMAIL);
            assertThat(d.notification().kind()).isEqualTo(NotificationKind.RAISED);
            assertThat(d.notification().payload()).containsEntry("kind", "raised").containsKey("alert");
            assertThat(d.idempotencyKey()).hasSize(64);
        });
        assertThat(deliveries.get(0).idempotencyKey()).isNotEqualTo(deliveries.get(1).idempotencyKey());
        assertThat(rules.waitingAlerts()).isZero();
    }

    @Test
    void anAlertAlreadyToldToEveryHeadDoesNotWait() {
        rules.onAlert(onTime(AlertState.RAISED, NOW), NOW, told::contains);
        done(dueAfterTheWindow());

        rules.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.9), NOW, told::contains);

        assertThat(rules.waitingAlerts()).isZero();
    }

    @Test
    void aResolveIsToldOnlyWhereTheRaiseWasTold() {
        final Decision raise = dueOf(onTime(AlertState.RAISED, NOW));
        told.add(raise.deliveries().get(0).idempotencyKey());

        final Decision resolve = dueOf(onTime(AlertState.RESOLVED, NOW));

        assertThat(resolve.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo(raise.deliveries().get(0).address());
            assertThat(d.notification().kind()).isEqualTo(NotificationKind.RESOLVED);
        });
    }

    private Decision dueOf(final KpiAlert alert) {
        rules.onAlert(alert, NOW, told::contains);
        return dueAfterTheWindow();
    }

    @Test
    void aStaleAlertAndAnAlertOfAnEndedPeriodAreSkippedAsStale() {
        assertThat(rules.onAlert(TestAlerts.stale(onTime(AlertState.RAISED, NOW)), NOW, told::contains).skipped())
            .containsExactly("stale");
        assertThat(rules.onAlert(onTime(AlertState.RAISED, NOW), NOW.plus(Duration.ofDays(10)), told::contains)
            .skipped()).containsExactly("stale");
        assertThat(rules.waitingAlerts()).isZero();
    }

    @Test
    void anAlertOfAUnitNotInTheRegistryOrWithoutHeadsIsSkippedWithTheReason() {
        final NotificationRules headless = rules(UnitRegistryFile.parse("""
            units:
              - id: UBND-P-BAN-CO
                name: UBND phường Bàn Cờ
                heads: []
            """));
        final KpiAlert elsewhere = new KpiAlert("KHONG-CO", "*", "2026-11", "onTimeRate", AlertState.RAISED, false,
            0.9, 0.98, 50, 20, -4L, List.of(), NOW, NOW);

        assertThat(rules.onAlert(elsewhere, NOW, told::contains).skipped()).containsExactly("unknown_unit");
        assertThat(headless.onAlert(onTime(AlertState.RAISED, NOW), NOW, told::contains).skipped())
            .containsExactly("no_heads");
    }

    @Test
    void anAlertOpenLongerThanTheEscalationTimeGoesToTheHeadsOfTheUnitAboveOnce() {
        rules.onAlert(onTime(AlertState.RAISED, NOW), NOW, told::contains);
        done(dueAfterTheWindow());

        final Decision escalated = rules.due(NOW.plus(ESCALATE_AFTER), told::contains, told::contains, unit -> true);

        assertThat(escalated.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("quang.le@example.org");
            assertThat(d.notification().kind()).isEqualTo(NotificationKind.ESCALATED);
        });
        assertThat(rules.due(NOW.plus(ESCALATE_AFTER).plusSeconds(60), told::contains, told::contains, unit -> true).deliveries()).isEmpty();
    }

    @Test
    void nothingIsEscalatedBeforeTheAlertsAreReadToWhereTheyStoodAtStart() {
        // at a start the alerts topic is read from its beginning: a breach's old RAISED may come a poll before its RESOLVED
        rules.inputsRead(false);
        rules.onAlert(onTime(AlertState.RAISED, NOW), NOW, told::contains);
        done(dueAfterTheWindow());

        assertThat(rules.due(NOW.plus(ESCALATE_AFTER), told::contains, told::contains, unit -> true).deliveries()).isEmpty();

        rules.onAlert(onTime(AlertState.RESOLVED, NOW.plusSeconds(60)), NOW.plusSeconds(60), told::contains);
        rules.inputsRead(true);
        assertThat(rules.due(NOW.plus(ESCALATE_AFTER).plusSeconds(60), told::contains, told::contains, unit -> true)
            .deliveries()).noneMatch(d -> d.notification().kind() == NotificationKind.ESCALATED);
    }

    @Test
    void anAlertStillOpenOnceTheAlertsAreReadIsEscalated() {
        rules.inputsRead(false);
        rules.onAlert(onTime(AlertState.RAISED, NOW), NOW, told::contains);
        done(dueAfterTheWindow());
        assertThat(rules.due(NOW.plus(ESCALATE_AFTER), told::contains, told::contains, unit -> true).deliveries()).isEmpty();

        rules.inputsRead(true);
        assertThat(rules.due(NOW.plus(ESCALATE_AFTER), told::contains, told::contains, unit -> true).deliveries())
            .singleElement().satisfies(d -> assertThat(d.notification().kind()).isEqualTo(NotificationKind.ESCALATED));
    }

    @Test
    void anAlertOfAUnitWithoutAParentIsNotEscalatedAndSaysWhy() {
        final KpiAlert top = new KpiAlert("UBND-TP", "*", "2026-11", "onTimeRate", AlertState.RAISED, false,
            0.9, 0.98, 50, 20, -4L, List.of(), NOW, NOW);
        rules.onAlert(top, NOW, told::contains);

        assertThat(rules.due(NOW.plus(ESCALATE_AFTER), told::contains, told::contains, unit -> true).skipped()).containsExactly("no_parent");
    }

    @Test
    void warningsWaitForTheirUnitsDigestWhichCarriesTheirKeys() {
        final CaseWarning first = warning(Kind.OVERDUE, "HS-1", "SO-TU-PHAP", NOW);
        final CaseWarning second = warning(Kind.DUE_SOON, "HS-2", "SO-TU-PHAP", NOW.plusSeconds(60));
        rules.onWarning(first, NOW, told::contains);
        rules.onWarning(second, NOW.plusSeconds(60), told::contains);
        assertThat(rules.due(NOW.plus(DIGEST_INTERVAL).minusMillis(1), told::contains, told::contains, unit -> true).deliveries()).isEmpty();

        final Decision digest = rules.due(NOW.plus(DIGEST_INTERVAL), told::contains, told::contains, unit -> true);

        assertThat(digest.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("khanh.do@example.org");
            assertThat(d.notification().kind()).isEqualTo(NotificationKind.DIGEST);
            assertThat(d.notification().warningKeys())
                .containsExactly(WarningDigests.key(first), WarningDigests.key(second));
        });
        assertThat(rules.waitingWarnings()).isZero();
    }

    @Test
    void aWarningToldBeforeOrOfAnUnknownUnitNeedsNothingMore() {
        final CaseWarning toldBefore = warning(Kind.OVERDUE, "HS-1", "SO-TU-PHAP", NOW);
        final CaseWarning unknown = warning(Kind.OVERDUE, "HS-2", "KHONG-CO", NOW);
        told.add(WarningDigests.key(toldBefore));

        assertThat(rules.onWarning(toldBefore, NOW, told::contains))
            .isEqualTo(new Decision(List.of(), List.of(), List.of(WarningDigests.key(toldBefore))));
        assertThat(rules.onWarning(unknown, NOW, told::contains))
            .isEqualTo(new Decision(List.of(), List.of("unknown_unit"), List.of(WarningDigests.key(unknown))));
        assertThat(rules.waitingWarnings()).isZero();
    }

    @Test
    void raisesOfAUnitWithinTheWindowAreOneDeliveryPerHeadThatTellsEachOfThem() {
        final KpiAlert month = onTime(AlertState.RAISED, NOW);
        rules.onAlert(month, NOW, told::contains);
        rules.onAlert(TestAlerts.inPeriod(month, "2026-Q4"), NOW.plusSeconds(3), told::contains);
        rules.onAlert(TestAlerts.inPeriod(month, "2026"), NOW.plusSeconds(6), told::contains);

        final List<Delivery> deliveries = dueAfterTheWindow().deliveries();

        assertThat(deliveries).hasSize(2).allSatisfy(d -> {
            assertThat(d.notification().members()).hasSize(3);
            assertThat(d.toldKeys()).hasSize(3).doesNotContain(d.idempotencyKey());
            assertThat(d.notification().payload()).containsKey("alerts");
        });
    }
}
