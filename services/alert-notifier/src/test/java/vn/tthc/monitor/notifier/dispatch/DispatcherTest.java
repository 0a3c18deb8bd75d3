package vn.tthc.monitor.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.TestAlerts.onTime;
import static vn.tthc.monitor.notifier.testing.TestAlerts.warning;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning.Kind;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.delivery.Transport;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.message.MailDocument;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.NotifierSettings;
import vn.tthc.monitor.notifier.testing.InMemoryLedger;
import vn.tthc.monitor.notifier.testing.MutableClock;
import vn.tthc.monitor.notifier.testing.RecordingTransport;
import vn.tthc.monitor.notifier.testing.TestAlerts;

/**
 * The rules and the dispatcher together, over recording transports and an in-memory ledger with a
 * controllable clock: who is told, when, once, and what survives an outage or a restart.
 */
class DispatcherTest {

    private static final Duration ESCALATE_AFTER = Duration.ofHours(4);
    private static final Duration DIGEST_INTERVAL = Duration.ofMinutes(15);
    /** One unit whose one head has a webhook beside her e-mail. */
    private static final String UNIT_WITH_A_WEBHOOK_HEAD = """
        units:
          - id: UBND-P-BAN-CO
            name: UBND phường Bàn Cờ
            heads:
              - name: Trần Thị Bình
                email: binh.tran@example.org
                webhook: http://127.0.0.1:1/hook
        """;

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingTransport mail = new RecordingTransport(ChannelKind.EMAIL);
    private final RecordingTransport webhook = new RecordingTransport(ChannelKind.WEBHOOK);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> settledWarnings = new ArrayList<>();
    /** Zero in the tests of the rules other than grouping: what arrived before a tick is told at that tick. */
    private Duration groupWindow = Duration.ZERO;
    private Dispatcher dispatcher = newDispatcher();

    private Dispatcher newDispatcher() {
        return newDispatcher(UNITS);
    }

    private Dispatcher newDispatcher(final UnitRegistry units) {
        return build(units, groupWindow, ledger, List.of(mail, webhook), settledWarnings::add);
    }

    private Dispatcher build(final UnitRegistry units, final Duration window, final InMemoryLedger told,
                                  final List<Transport> transports, final Consumer<String> warningSettled) {
        final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
        final NotifierSettings settings = new NotifierSettings(ESCALATE_AFTER, DIGEST_INTERVAL, Duration.ofSeconds(2),
            Duration.ofMinutes(5), window);
        final Dispatcher dispatcher = new Dispatcher(new NotificationRules(units, TestAlerts.alertMessages(links.baseUrl(), null),
            TestAlerts.digestMessages(links.baseUrl(), null), settings),
            TestAlerts.verdictRules(units, links.baseUrl()), settings, clock, told, transports, new NotificationMetrics(meters), warningSettled,
            unit -> true);
        dispatcher.inputsRead(true);
        return dispatcher;
    }

    private List<String> recipients() {
        return mail.sent().stream().map(Delivery::address).toList();
    }

    @Test
    void aRaisedAlertIsMailedToEveryHeadOfItsUnit() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();

        assertThat(recipients()).containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
        assertThat(mail.subjects()).allMatch(s -> s.startsWith("Cảnh báo: UBND phường Bàn Cờ"));
        assertThat(meters.counter("tthc.notifications.sent", "channel", "email", "kind", "raised").count()).isEqualTo(2);
    }

    @Test
    void updatesOfAnAlertAlreadyToldAreNotMailed() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();
        dispatcher.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.91));
        dispatcher.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.90));
        dispatcher.tick();

        assertThat(mail.sent()).hasSize(2);
    }

    @Test
    void anUpdateOfAnAlertNeverToldIsToldAsRaised() {
        dispatcher.onAlert(onTime(AlertState.UPDATED, NOW));
        dispatcher.tick();

        assertThat(mail.subjects()).hasSize(2).allMatch(s -> s.startsWith("Cảnh báo:"));
    }

    @Test
    void aResolvedAlertFollowsUpToTheHeadsToldOfTheRaise() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();
        dispatcher.onAlert(onTime(AlertState.RESOLVED, NOW));
        dispatcher.tick();

        assertThat(mail.subjects()).filteredOn(s -> s.startsWith("Đã khắc phục: UBND phường Bàn Cờ")).hasSize(2);
    }

    @Test
    void aResolvedAlertWhoseRaiseWasNeverToldIsNotMailed() {
        dispatcher.onAlert(onTime(AlertState.RESOLVED, NOW));
        dispatcher.tick();

        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void staleAlertsAreCountedButNotSent() {
        dispatcher.onAlert(TestAlerts.stale(onTime(AlertState.RAISED, NOW)));
        dispatcher.tick();

        assertThat(mail.sent()).isEmpty();
        assertThat(meters.counter("tthc.notifications.skipped", "reason", "stale").count()).isEqualTo(1);
    }

    @Test
    void anAlertOfAPeriodThatHasEndedIsNotSentEvenIfNotMarkedStale() {
        clock.advance(Duration.ofDays(10)); // 2 December: November is over
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();

        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void anAlertStillOpenAfterTheEscalationTimeGoesToTheHeadsOfTheUnitAboveOnce() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();
        clock.advance(ESCALATE_AFTER.minusSeconds(1));
        dispatcher.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.92));
        dispatcher.tick();
        assertThat(recipients()).doesNotContain("quang.le@example.org");

        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();
        clock.advance(Duration.ofHours(1));
        dispatcher.tick();

        assertThat(mail.sent()).filteredOn(d -> d.address().equals("quang.le@example.org")).singleElement()
            .satisfies(d -> {
                assertThat(d.notification().message().subject())
                    .startsWith("Chuyển cấp: UBND phường Bàn Cờ").endsWith("chưa khắc phục sau 4 giờ");
                assertThat(d.notification().message().body())
                    .contains("dưới mục tiêu từ 14:00 ngày 22/11/2026 và chưa được khắc phục sau 4 giờ.")
                    .contains("Đã thông báo cho lãnh đạo UBND phường Bàn Cờ: Trần Thị Bình, Võ Đức Cường.");
            });
    }

    @Test
    void anEscalationSaysWhenNoHeadOfTheUnitCouldBeTold() {
        mail.down();
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();
        clock.advance(ESCALATE_AFTER);
        dispatcher.tick();
        mail.up();
        clock.advance(Duration.ofMinutes(5));
        dispatcher.tick();

        assertThat(mail.sent()).filteredOn(d -> d.address().equals("quang.le@example.org")).singleElement()
            .satisfies(d -> assertThat(d.notification().message().body())
                .contains("Chưa lãnh đạo nào của UBND phường Bàn Cờ nhận được thông báo về cảnh báo này."));
    }

    /** Forecast alerts (AT_RISK): a warning of their own, once per raise, never a breach, never escalated. */
    @Nested
    class Forecasts {

        private final KpiAlert atRisk = forecast(AlertState.RAISED, NOW);

        private KpiAlert forecast(final AlertState state, final java.time.Instant raisedAt) {
            return new KpiAlert("UBND-P-BAN-CO", "*", "2026-11", "onTimeRate", state, false, 0.985, 0.98, 200, 20, 1L,
                List.of("HS-0050"), raisedAt, raisedAt, vn.tthc.monitor.contract.kpi.Scope.OWN,
                vn.tthc.monitor.contract.alert.AlertKind.AT_RISK, 1L, null, null, 0.962, List.of(), List.of());
        }

        @Test
        void aForecastIsAWarningMailOfItsOwnKindOncePerRaise() {
            dispatcher.onAlert(atRisk);
            dispatcher.tick();
            dispatcher.onAlert(forecast(AlertState.UPDATED, NOW));
            dispatcher.tick();

            assertThat(mail.subjects()).hasSize(2).allMatch(subject -> subject.equals(
                "Dự báo không đạt: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn dự báo 96,2% (mục tiêu 98%)"));
            assertThat(mail.sent()).allSatisfy(d -> assertThat(d.notification().kind()).isEqualTo(NotificationKind.AT_RISK));
            assertThat(meters.counter("tthc.notifications.sent", "channel", "email", "kind", "at_risk").count())
                .isEqualTo(2);
        }

        @Test
        void itsResolveIsNotMailedAndARaiseAfterItIsToldAgain() {
            dispatcher.onAlert(atRisk);
            dispatcher.tick();
            dispatcher.onAlert(forecast(AlertState.RESOLVED, NOW));
            dispatcher.tick();
            assertThat(mail.sent()).hasSize(2);

            clock.advance(Duration.ofHours(1));
            dispatcher.onAlert(forecast(AlertState.RAISED, NOW.plus(Duration.ofHours(1))));
            dispatcher.tick();

            assertThat(mail.subjects()).hasSize(4).allMatch(subject -> subject.startsWith("Dự báo không đạt:"));
        }

        @Test
        void aForecastAndABreachOfTheSameRowAreToldApartAndTheForecastIsNotEscalated() {
            dispatcher.onAlert(atRisk);
            dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
            dispatcher.tick();
            clock.advance(ESCALATE_AFTER);
            dispatcher.tick();

            assertThat(mail.sent()).filteredOn(d -> d.address().equals("binh.tran@example.org"))
                .extracting(d -> d.notification().kind())
                .containsExactlyInAnyOrder(NotificationKind.AT_RISK, NotificationKind.RAISED);
            assertThat(mail.sent()).filteredOn(d -> d.address().equals("quang.le@example.org")).singleElement()
                .satisfies(d -> assertThat(d.notification().message().subject()).startsWith("Chuyển cấp:"));
        }
    }

    @Test
    void anAlertResolvedBeforeTheEscalationTimeIsNotEscalated() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(Duration.ofHours(3));
        dispatcher.onAlert(onTime(AlertState.RESOLVED, NOW));
        clock.advance(Duration.ofHours(2));
        dispatcher.tick();

        assertThat(recipients()).doesNotContain("quang.le@example.org");
    }

    @Test
    void aNewRaiseOfTheSameKpiIsEscalatedAgain() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(ESCALATE_AFTER);
        dispatcher.tick();
        dispatcher.onAlert(onTime(AlertState.RESOLVED, NOW));
        dispatcher.onAlert(onTime(AlertState.RAISED, clock.instant()));
        clock.advance(ESCALATE_AFTER);
        dispatcher.tick();

        assertThat(recipients()).filteredOn("quang.le@example.org"::equals).hasSize(2);
    }

    @Test
    void warningsOfAUnitWaitForOneDigestPerInterval() {
        dispatcher.onWarning(warning(Kind.DUE_SOON, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(Duration.ofMinutes(5));
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-2", "UBND-P-BAN-CO", clock.instant()));
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-3", "SO-TU-PHAP", clock.instant()));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        dispatcher.tick();
        assertThat(mail.sent()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();

        assertThat(mail.sent()).extracting(Delivery::address)
            .containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
        assertThat(mail.sent().get(0).notification().message().body()).contains("HS-1").contains("HS-2");
        assertThat(settledWarnings).hasSize(2);

        clock.advance(Duration.ofMinutes(5));
        dispatcher.tick();
        assertThat(mail.sent()).extracting(Delivery::address).contains("khanh.do@example.org");
        assertThat(mail.sent()).hasSize(3);
    }

    @Test
    void aWarningAfterADigestWaitsForTheNextInterval() {
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(DIGEST_INTERVAL);
        dispatcher.tick();
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-2", "UBND-P-BAN-CO", clock.instant()));
        clock.advance(DIGEST_INTERVAL.minusSeconds(1));
        dispatcher.tick();
        assertThat(mail.sent()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();
        assertThat(mail.sent()).hasSize(4);
    }

    @Test
    void aWarningAlreadyToldIsNotToldAgain() {
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(DIGEST_INTERVAL);
        dispatcher.tick();
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(DIGEST_INTERVAL);
        dispatcher.tick();

        assertThat(mail.sent()).hasSize(2);
        assertThat(settledWarnings).containsExactly(settledWarnings.get(0), settledWarnings.get(0));
    }

    @Test
    void aServerOutageDelaysDeliveriesWithGrowingWaitsAndLosesNone() {
        mail.down();
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();
        assertThat(mail.failedAttempts()).isEqualTo(2);
        assertThat(dispatcher.pendingDeliveries()).isEqualTo(2);
        assertThat(dispatcher.oldestPendingAge()).isZero();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();
        assertThat(mail.failedAttempts()).as("waits 2 s after the first failure").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();
        assertThat(mail.failedAttempts()).isEqualTo(4);
        assertThat(dispatcher.oldestPendingAge()).as("the queue's age").isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        dispatcher.tick();
        assertThat(mail.failedAttempts()).as("then 4 s").isEqualTo(4);

        dispatcher.onAlert(onTime(AlertState.RESOLVED, NOW));
        mail.up();
        clock.advance(Duration.ofSeconds(2));
        dispatcher.tick();

        assertThat(mail.subjects()).hasSize(4);
        assertThat(mail.sent()).filteredOn(d -> d.address().equals("binh.tran@example.org"))
            .extracting(d -> d.notification().message().subject().substring(0, 8))
            .as("the follow-up does not overtake the mail it follows").containsExactly("Cảnh báo", "Đã khắc ");
        assertThat(dispatcher.pendingDeliveries()).isZero();
        assertThat(dispatcher.oldestPendingAge()).as("nothing waits").isZero();
        assertThat(meters.counter("tthc.notification.failures", "channel", "email").count()).isEqualTo(4);
    }

    @Test
    void aRestartWithTheSameLedgerTellsNothingTwice() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(ESCALATE_AFTER);
        dispatcher.tick();
        final int before = mail.sent().size();

        dispatcher = newDispatcher();
        final KpiAlert latest = TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.9);
        dispatcher.onAlert(latest);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.tick();

        assertThat(before).isEqualTo(3);
        assertThat(mail.sent()).hasSize(before);
    }

    @Test
    void aHeadWithAWebhookAlsoGetsItWithTheSameKindOfKey() {
        dispatcher = newDispatcher(UnitRegistryFile.parse(UNIT_WITH_A_WEBHOOK_HEAD));

        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.tick();

        assertThat(webhook.sent()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("http://127.0.0.1:1/hook");
            assertThat(d.idempotencyKey()).hasSize(64).isNotEqualTo(mail.sent().get(0).idempotencyKey());
        });
    }

    @Nested
    class Grouping {

        private static final Duration WINDOW = Duration.ofSeconds(10);
        private static final String GROUP_SUBJECT = "Cảnh báo: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn 93% (mục tiêu 98%)";
        private static final String RESOLVED_SUBJECT = "Đã khắc phục: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn 99% (mục tiêu 98%)";

        private final KpiAlert month = onTime(AlertState.RAISED, NOW);
        private final KpiAlert quarter = TestAlerts.inPeriod(month, "2026-Q4");
        private final KpiAlert year = TestAlerts.inPeriod(month, "2026");

        @BeforeEach
        void withAWindow() {
            groupWindow = WINDOW;
            dispatcher = newDispatcher();
        }

        private void raiseMonthQuarterAndYearWithinTheWindow() {
            dispatcher.onAlert(month);
            clock.advance(Duration.ofSeconds(3));
            dispatcher.onAlert(quarter);
            clock.advance(Duration.ofSeconds(3));
            dispatcher.onAlert(year);
        }

        private void tickAfterTheWindow() {
            clock.advance(WINDOW);
            dispatcher.tick();
        }

        private List<String> mailsTo(final String address) {
            return mail.sent().stream().filter(d -> d.address().equals(address))
                .map(d -> d.notification().message().subject()).toList();
        }

        /** The period rows of each mail to {@code address}, " | " between rows. */
        private List<String> periodsTo(final String address) {
            return mail.sent().stream().filter(d -> d.address().equals(address))
                .map(d -> String.join(" | ", d.notification().message().document().items().stream()
                    .flatMap(i -> i.periods().stream()).map(MailDocument.PeriodRow::periods).toList())).toList();
        }

        @Test
        void threeRaisesOfAUnitWithinTheWindowAreOneMailPerHeadListingAllThree() {
            raiseMonthQuarterAndYearWithinTheWindow();
            clock.advance(Duration.ofSeconds(3));
            dispatcher.tick();
            assertThat(mail.sent()).as("the window opened by the first raise is not over").isEmpty();

            clock.advance(Duration.ofSeconds(1));
            dispatcher.tick();

            assertThat(mail.sent()).extracting(Delivery::address)
                .containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
            assertThat(mail.sent()).allSatisfy(d -> {
                assertThat(d.notification().message().subject()).isEqualTo(GROUP_SUBJECT);
                assertThat(d.notification().message().body()).as("one item, the equal periods one row")
                    .contains("1. Tỷ lệ hồ sơ giải quyết đúng hạn – tất cả lĩnh vực\n"
                        + "   - Tháng 11/2026, quý 4/2026, năm 2026: 93% (mục tiêu 98%), 200 hồ sơ")
                    .doesNotContain("2. ");
                assertThat(d.toldKeys()).hasSize(3).doesNotContain(d.idempotencyKey());
            });
            assertThat(ledger.entries()).as("each delivery's key and the key of each of its 3 alerts")
                .hasSize(2 * (1 + 3));
            assertThat(meters.counter("tthc.notifications.sent", "channel", "email", "kind", "raised").count())
                .isEqualTo(2);
        }

        @Test
        void aRaiseAfterTheWindowIsTheNextMail() {
            dispatcher.onAlert(month);
            tickAfterTheWindow();
            dispatcher.onAlert(quarter);
            tickAfterTheWindow();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(GROUP_SUBJECT, GROUP_SUBJECT);
            assertThat(periodsTo("binh.tran@example.org")).containsExactly("Tháng 11/2026", "Quý 4/2026");
        }

        @Test
        void raisesOfAnotherUnitAreAnotherMail() {
            final KpiAlert other = new KpiAlert("SO-TU-PHAP", "HO_TICH", "2026-11", "satisfactionRate",
                AlertState.RAISED, false, 0.8, 0.9, 50, 20, -5L, List.of(), NOW, NOW);
            dispatcher.onAlert(month);
            dispatcher.onAlert(other);
            tickAfterTheWindow();

            assertThat(mailsTo("khanh.do@example.org")).singleElement().asString()
                .isEqualTo("Cảnh báo: Sở Tư pháp – Tỷ lệ hài lòng (Hộ tịch) 80% (mục tiêu 90%)");
            assertThat(periodsTo("binh.tran@example.org")).containsExactly("Tháng 11/2026");
        }

        @Test
        void aRestartAfterTheGroupWasDeliveredSendsNothingAgainHoweverTheAlertsRegroup() {
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            assertThat(mail.sent()).hasSize(2);

            dispatcher = newDispatcher();
            dispatcher.onAlert(TestAlerts.withValue(year, AlertState.UPDATED, 0.9));
            tickAfterTheWindow();
            dispatcher.onAlert(TestAlerts.withValue(month, AlertState.UPDATED, 0.9));
            dispatcher.onAlert(TestAlerts.withValue(quarter, AlertState.UPDATED, 0.9));
            tickAfterTheWindow();

            assertThat(mail.sent()).hasSize(2);
            assertThat(dispatcher.waitingAlerts()).isZero();
        }

        @Test
        void anAlertAlreadyToldAloneIsLeftOutOfALaterGroup() {
            dispatcher.onAlert(month);
            tickAfterTheWindow();

            dispatcher = newDispatcher();
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(GROUP_SUBJECT, GROUP_SUBJECT);
            assertThat(periodsTo("binh.tran@example.org")).containsExactly("Tháng 11/2026", "Quý 4/2026, năm 2026");
        }

        @Test
        void theSameAlertsGroupedAgainGiveTheSameKeys() {
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            final List<String> keys = mail.sent().stream().map(Delivery::idempotencyKey).toList();

            final InMemoryLedger otherLedger = new InMemoryLedger();
            final RecordingTransport otherMail = new RecordingTransport(ChannelKind.EMAIL);
            final Dispatcher regrouped = build(UNITS, WINDOW, otherLedger, List.of(otherMail), key -> { });
            regrouped.onAlert(TestAlerts.withValue(year, AlertState.UPDATED, 0.95));
            regrouped.onAlert(quarter);
            regrouped.onAlert(month);
            clock.advance(WINDOW);
            regrouped.tick();

            assertThat(otherMail.sent()).extracting(Delivery::idempotencyKey).containsExactlyInAnyOrderElementsOf(keys);
        }

        @Test
        void resolvesWithinTheWindowAreOneMailToTheHeadsToldOfTheRaises() {
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            dispatcher.onAlert(TestAlerts.withValue(month, AlertState.RESOLVED, 0.99));
            dispatcher.onAlert(TestAlerts.withValue(year, AlertState.RESOLVED, 0.99));
            dispatcher.onAlert(TestAlerts.withValue(quarter, AlertState.RESOLVED, 0.99));
            tickAfterTheWindow();

            assertThat(mailsTo("cuong.vo@example.org")).containsExactly(GROUP_SUBJECT, RESOLVED_SUBJECT);
            assertThat(mail.sent().get(3).notification().message().body())
                .contains("Chỉ tiêu sau của UBND phường Bàn Cờ đã đạt lại mục tiêu:")
                .contains("   - Tháng 11/2026, quý 4/2026, năm 2026: 99% (mục tiêu 98%)");
            assertThat(mail.sent().get(3).toldKeys()).hasSize(3);
        }

        @Test
        void aRaiseResolvedWithinItsWindowIsToldToNobodyAndItsResolveIsLeftOut() {
            dispatcher.onAlert(month);
            dispatcher.onAlert(quarter);
            tickAfterTheWindow();
            dispatcher.onAlert(year);
            dispatcher.onAlert(TestAlerts.withValue(month, AlertState.RESOLVED, 0.99));
            dispatcher.onAlert(TestAlerts.withValue(quarter, AlertState.RESOLVED, 0.99));
            dispatcher.onAlert(TestAlerts.withValue(year, AlertState.RESOLVED, 0.99));
            tickAfterTheWindow();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(GROUP_SUBJECT, RESOLVED_SUBJECT);
            assertThat(periodsTo("binh.tran@example.org")).containsExactly("Tháng 11/2026, quý 4/2026",
                "Tháng 11/2026, quý 4/2026");
            assertThat(mail.sent()).noneMatch(d -> d.notification().message().body().contains("năm 2026"));
        }

        @Test
        void aResolveWaitsBehindTheGroupedRaiseWhenTheServerIsDown() {
            mail.down();
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            dispatcher.onAlert(TestAlerts.withValue(quarter, AlertState.RESOLVED, 0.99));
            tickAfterTheWindow();
            assertThat(dispatcher.pendingDeliveries()).as("a grouped raise and a resolve per head").isEqualTo(4);

            mail.up();
            clock.advance(Duration.ofMinutes(5));
            dispatcher.tick();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(GROUP_SUBJECT, RESOLVED_SUBJECT);
            assertThat(periodsTo("binh.tran@example.org")).containsExactly("Tháng 11/2026, quý 4/2026, năm 2026",
                "Quý 4/2026");
        }

        @Test
        void webhooksGetOneCallPerAlertWhileTheMailIsGrouped() {
            dispatcher = newDispatcher(UnitRegistryFile.parse(UNIT_WITH_A_WEBHOOK_HEAD));
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();

            assertThat(mail.sent()).singleElement()
                .satisfies(d -> assertThat(d.notification().message().subject()).isEqualTo(GROUP_SUBJECT));
            assertThat(webhook.sent()).hasSize(3)
                .extracting(d -> ((KpiAlert) d.notification().payload().get("alert")).period())
                .containsExactlyInAnyOrder("2026-11", "2026-Q4", "2026");
        }
    }
}
