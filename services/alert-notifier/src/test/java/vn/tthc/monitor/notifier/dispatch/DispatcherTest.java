package vn.tthc.monitor.notifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.TestAlerts.onTime;
import static vn.tthc.monitor.notifier.testing.TestAlerts.warning;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning.Kind;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.message.AlertMessages;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.message.DigestMessages;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.testing.InMemoryLedger;
import vn.tthc.monitor.notifier.testing.MutableClock;
import vn.tthc.monitor.notifier.testing.RecordingTransport;
import vn.tthc.monitor.notifier.testing.TestAlerts;

class NotifierTest {

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
    private Notifier notifier = newNotifier();

    private Notifier newNotifier() {
        return newNotifier(UNITS);
    }

    private Notifier newNotifier(final UnitRegistry units) {
        final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
        return new Notifier(units, new AlertMessages(links), new DigestMessages(links),
            new NotifierSettings(ESCALATE_AFTER, DIGEST_INTERVAL, Duration.ofSeconds(2), Duration.ofMinutes(5),
                groupWindow),
            clock, ledger, List.of(mail, webhook), new NotificationMetrics(meters), settledWarnings::add);
    }

    private List<String> recipients() {
        return mail.sent().stream().map(Delivery::address).toList();
    }

    @Test
    void aRaisedAlertIsMailedToEveryHeadOfItsUnit() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();

        assertThat(recipients()).containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
        assertThat(mail.subjects()).allMatch(s -> s.startsWith("Cảnh báo: UBND phường Bàn Cờ"));
        assertThat(meters.counter("tthc.notifications.sent", "channel", "email", "kind", "raised").count()).isEqualTo(2);
    }

    @Test
    void updatesOfAnAlertAlreadyToldAreNotMailed() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();
        notifier.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.91));
        notifier.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.90));
        notifier.tick();

        assertThat(mail.sent()).hasSize(2);
    }

    @Test
    void anUpdateOfAnAlertNeverToldIsToldAsRaised() {
        notifier.onAlert(onTime(AlertState.UPDATED, NOW));
        notifier.tick();

        assertThat(mail.subjects()).hasSize(2).allMatch(s -> s.startsWith("Cảnh báo:"));
    }

    @Test
    void aResolvedAlertFollowsUpToTheHeadsToldOfTheRaise() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();
        notifier.onAlert(onTime(AlertState.RESOLVED, NOW));
        notifier.tick();

        assertThat(mail.subjects()).filteredOn(s -> s.startsWith("Đã khắc phục: UBND phường Bàn Cờ")).hasSize(2);
    }

    @Test
    void aResolvedAlertWhoseRaiseWasNeverToldIsNotMailed() {
        notifier.onAlert(onTime(AlertState.RESOLVED, NOW));
        notifier.tick();

        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void staleAlertsAreCountedButNotSent() {
        notifier.onAlert(TestAlerts.stale(onTime(AlertState.RAISED, NOW)));
        notifier.tick();

        assertThat(mail.sent()).isEmpty();
        assertThat(meters.counter("tthc.notifications.skipped", "reason", "stale").count()).isEqualTo(1);
    }

    @Test
    void anAlertOfAPeriodThatHasEndedIsNotSentEvenIfNotMarkedStale() {
        clock.advance(Duration.ofDays(10)); // 2 December: November is over
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();

        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void anAlertStillOpenAfterTheEscalationTimeGoesToTheHeadsOfTheUnitAboveOnce() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();
        clock.advance(ESCALATE_AFTER.minusSeconds(1));
        notifier.onAlert(TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.92));
        notifier.tick();
        assertThat(recipients()).doesNotContain("quang.le@example.org");

        clock.advance(Duration.ofSeconds(1));
        notifier.tick();
        clock.advance(Duration.ofHours(1));
        notifier.tick();

        assertThat(mail.sent()).filteredOn(d -> d.address().equals("quang.le@example.org")).singleElement()
            .satisfies(d -> assertThat(d.notification().message().subject())
                .startsWith("Chuyển cấp: UBND phường Bàn Cờ").endsWith("chưa khắc phục sau 4 giờ"));
    }

    @Test
    void anAlertResolvedBeforeTheEscalationTimeIsNotEscalated() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(Duration.ofHours(3));
        notifier.onAlert(onTime(AlertState.RESOLVED, NOW));
        clock.advance(Duration.ofHours(2));
        notifier.tick();

        assertThat(recipients()).doesNotContain("quang.le@example.org");
    }

    @Test
    void aNewRaiseOfTheSameKpiIsEscalatedAgain() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(ESCALATE_AFTER);
        notifier.tick();
        notifier.onAlert(onTime(AlertState.RESOLVED, NOW));
        notifier.onAlert(onTime(AlertState.RAISED, clock.instant()));
        clock.advance(ESCALATE_AFTER);
        notifier.tick();

        assertThat(recipients()).filteredOn("quang.le@example.org"::equals).hasSize(2);
    }

    @Test
    void warningsOfAUnitWaitForOneDigestPerInterval() {
        notifier.onWarning(warning(Kind.DUE_SOON, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(Duration.ofMinutes(5));
        notifier.onWarning(warning(Kind.OVERDUE, "HS-2", "UBND-P-BAN-CO", clock.instant()));
        notifier.onWarning(warning(Kind.OVERDUE, "HS-3", "SO-TU-PHAP", clock.instant()));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        notifier.tick();
        assertThat(mail.sent()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        notifier.tick();

        assertThat(mail.sent()).extracting(Delivery::address)
            .containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
        assertThat(mail.sent().get(0).notification().message().body()).contains("HS-1").contains("HS-2");
        assertThat(settledWarnings).hasSize(2);

        clock.advance(Duration.ofMinutes(5));
        notifier.tick();
        assertThat(mail.sent()).extracting(Delivery::address).contains("khanh.do@example.org");
        assertThat(mail.sent()).hasSize(3);
    }

    @Test
    void aWarningAfterADigestWaitsForTheNextInterval() {
        notifier.onWarning(warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(DIGEST_INTERVAL);
        notifier.tick();
        notifier.onWarning(warning(Kind.OVERDUE, "HS-2", "UBND-P-BAN-CO", clock.instant()));
        clock.advance(DIGEST_INTERVAL.minusSeconds(1));
        notifier.tick();
        assertThat(mail.sent()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        notifier.tick();
        assertThat(mail.sent()).hasSize(4);
    }

    @Test
    void aWarningAlreadyToldIsNotToldAgain() {
        notifier.onWarning(warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(DIGEST_INTERVAL);
        notifier.tick();
        notifier.onWarning(warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW));
        clock.advance(DIGEST_INTERVAL);
        notifier.tick();

        assertThat(mail.sent()).hasSize(2);
        assertThat(settledWarnings).containsExactly(settledWarnings.get(0), settledWarnings.get(0));
    }

    @Test
    void aServerOutageDelaysDeliveriesWithGrowingWaitsAndLosesNone() {
        mail.down();
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();
        assertThat(mail.failedAttempts()).isEqualTo(2);
        assertThat(notifier.pendingDeliveries()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        notifier.tick();
        assertThat(mail.failedAttempts()).as("waits 2 s after the first failure").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        notifier.tick();
        assertThat(mail.failedAttempts()).isEqualTo(4);
        clock.advance(Duration.ofSeconds(2));
        notifier.tick();
        assertThat(mail.failedAttempts()).as("then 4 s").isEqualTo(4);

        notifier.onAlert(onTime(AlertState.RESOLVED, NOW));
        mail.up();
        clock.advance(Duration.ofSeconds(2));
        notifier.tick();

        assertThat(mail.subjects()).hasSize(4);
        assertThat(mail.sent()).filteredOn(d -> d.address().equals("binh.tran@example.org"))
            .extracting(d -> d.notification().message().subject().substring(0, 8))
            .as("the follow-up does not overtake the mail it follows").containsExactly("Cảnh báo", "Đã khắc ");
        assertThat(notifier.pendingDeliveries()).isZero();
        assertThat(meters.counter("tthc.notification.failures", "channel", "email").count()).isEqualTo(4);
    }

    @Test
    void aRestartWithTheSameLedgerTellsNothingTwice() {
        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(ESCALATE_AFTER);
        notifier.tick();
        final int before = mail.sent().size();

        notifier = newNotifier();
        final KpiAlert latest = TestAlerts.withValue(onTime(AlertState.UPDATED, NOW), AlertState.UPDATED, 0.9);
        notifier.onAlert(latest);
        clock.advance(Duration.ofMinutes(1));
        notifier.tick();

        assertThat(before).isEqualTo(3);
        assertThat(mail.sent()).hasSize(before);
    }

    @Test
    void aHeadWithAWebhookAlsoGetsItWithTheSameKindOfKey() {
        notifier = newNotifier(UnitRegistryFile.parse(UNIT_WITH_A_WEBHOOK_HEAD));

        notifier.onAlert(onTime(AlertState.RAISED, NOW));
        notifier.tick();

        assertThat(webhook.sent()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("http://127.0.0.1:1/hook");
            assertThat(d.idempotencyKey()).hasSize(64).isNotEqualTo(mail.sent().get(0).idempotencyKey());
        });
    }

    @Nested
    class Grouping {

        private static final Duration WINDOW = Duration.ofSeconds(10);
        private static final String GROUP_SUBJECT = "Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu – 3 chỉ tiêu";

        private final KpiAlert month = onTime(AlertState.RAISED, NOW);
        private final KpiAlert quarter = TestAlerts.inPeriod(month, "2026-Q4");
        private final KpiAlert year = TestAlerts.inPeriod(month, "2026");

        @BeforeEach
        void withAWindow() {
            groupWindow = WINDOW;
            notifier = newNotifier();
        }

        private void raiseMonthQuarterAndYearWithinTheWindow() {
            notifier.onAlert(month);
            clock.advance(Duration.ofSeconds(3));
            notifier.onAlert(quarter);
            clock.advance(Duration.ofSeconds(3));
            notifier.onAlert(year);
        }

        private void tickAfterTheWindow() {
            clock.advance(WINDOW);
            notifier.tick();
        }

        private List<String> mailsTo(final String address) {
            return mail.sent().stream().filter(d -> d.address().equals(address))
                .map(d -> d.notification().message().subject()).toList();
        }

        @Test
        void threeRaisesOfAUnitWithinTheWindowAreOneMailPerHeadListingAllThree() {
            raiseMonthQuarterAndYearWithinTheWindow();
            clock.advance(Duration.ofSeconds(3));
            notifier.tick();
            assertThat(mail.sent()).as("the window opened by the first raise is not over").isEmpty();

            clock.advance(Duration.ofSeconds(1));
            notifier.tick();

            assertThat(mail.sent()).extracting(Delivery::address)
                .containsExactlyInAnyOrder("binh.tran@example.org", "cuong.vo@example.org");
            assertThat(mail.sent()).allSatisfy(d -> {
                assertThat(d.notification().message().subject()).isEqualTo(GROUP_SUBJECT);
                assertThat(d.notification().message().body())
                    .contains("1. Tỷ lệ hồ sơ giải quyết đúng hạn (tất cả lĩnh vực) – tháng 11/2026")
                    .contains("2. Tỷ lệ hồ sơ giải quyết đúng hạn (tất cả lĩnh vực) – quý 4/2026")
                    .contains("3. Tỷ lệ hồ sơ giải quyết đúng hạn (tất cả lĩnh vực) – năm 2026");
                assertThat(d.toldKeys()).hasSize(3).doesNotContain(d.idempotencyKey());
            });
            assertThat(ledger.entries()).as("each delivery's key and the key of each of its 3 alerts")
                .hasSize(2 * (1 + 3));
            assertThat(meters.counter("tthc.notifications.sent", "channel", "email", "kind", "raised").count())
                .isEqualTo(2);
        }

        @Test
        void aRaiseAfterTheWindowIsTheNextMail() {
            notifier.onAlert(month);
            tickAfterTheWindow();
            notifier.onAlert(quarter);
            tickAfterTheWindow();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(
                "Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu Tỷ lệ hồ sơ giải quyết đúng hạn – tháng 11/2026",
                "Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu Tỷ lệ hồ sơ giải quyết đúng hạn – quý 4/2026");
        }

        @Test
        void raisesOfAnotherUnitAreAnotherMail() {
            final KpiAlert other = new KpiAlert("SO-TU-PHAP", "HO_TICH", "2026-11", "satisfactionRate",
                AlertState.RAISED, false, 0.8, 0.9, 50, 20, -5L, List.of(), NOW, NOW);
            notifier.onAlert(month);
            notifier.onAlert(other);
            tickAfterTheWindow();

            assertThat(mailsTo("khanh.do@example.org")).singleElement().asString()
                .startsWith("Cảnh báo: Sở Tư pháp dưới mục tiêu Tỷ lệ hài lòng (lĩnh vực «HO_TICH»)");
            assertThat(mailsTo("binh.tran@example.org")).singleElement().asString().endsWith("tháng 11/2026");
        }

        @Test
        void aRestartAfterTheGroupWasDeliveredSendsNothingAgainHoweverTheAlertsRegroup() {
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            assertThat(mail.sent()).hasSize(2);

            notifier = newNotifier();
            notifier.onAlert(TestAlerts.withValue(year, AlertState.UPDATED, 0.9));
            tickAfterTheWindow();
            notifier.onAlert(TestAlerts.withValue(month, AlertState.UPDATED, 0.9));
            notifier.onAlert(TestAlerts.withValue(quarter, AlertState.UPDATED, 0.9));
            tickAfterTheWindow();

            assertThat(mail.sent()).hasSize(2);
            assertThat(notifier.waitingAlerts()).isZero();
        }

        @Test
        void anAlertAlreadyToldAloneIsLeftOutOfALaterGroup() {
            notifier.onAlert(month);
            tickAfterTheWindow();

            notifier = newNotifier();
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(
                "Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu Tỷ lệ hồ sơ giải quyết đúng hạn – tháng 11/2026",
                "Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu – 2 chỉ tiêu");
            assertThat(mail.sent().get(mail.sent().size() - 1).notification().message().body())
                .contains("quý 4/2026").contains("năm 2026").doesNotContain("tháng 11/2026");
        }

        @Test
        void theSameAlertsGroupedAgainGiveTheSameKeys() {
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            final List<String> keys = mail.sent().stream().map(Delivery::idempotencyKey).toList();

            final InMemoryLedger otherLedger = new InMemoryLedger();
            final RecordingTransport otherMail = new RecordingTransport(ChannelKind.EMAIL);
            final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
            final Notifier regrouped = new Notifier(UNITS, new AlertMessages(links), new DigestMessages(links),
                new NotifierSettings(ESCALATE_AFTER, DIGEST_INTERVAL, Duration.ofSeconds(2), Duration.ofMinutes(5),
                    WINDOW), clock, otherLedger, List.of(otherMail), new NotificationMetrics(meters), key -> { });
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
            notifier.onAlert(TestAlerts.withValue(month, AlertState.RESOLVED, 0.99));
            notifier.onAlert(TestAlerts.withValue(year, AlertState.RESOLVED, 0.99));
            notifier.onAlert(TestAlerts.withValue(quarter, AlertState.RESOLVED, 0.99));
            tickAfterTheWindow();

            assertThat(mailsTo("cuong.vo@example.org")).containsExactly(GROUP_SUBJECT,
                "Đã khắc phục: UBND phường Bàn Cờ không còn dưới mục tiêu – 3 chỉ tiêu");
            assertThat(mail.sent().get(3).notification().message().body())
                .contains("3 chỉ tiêu của UBND phường Bàn Cờ không còn dưới mục tiêu")
                .contains("   Giá trị hiện tại: 99%");
        }

        @Test
        void aRaiseResolvedWithinItsWindowIsToldToNobodyAndItsResolveIsLeftOut() {
            notifier.onAlert(month);
            notifier.onAlert(quarter);
            tickAfterTheWindow();
            notifier.onAlert(year);
            notifier.onAlert(TestAlerts.withValue(month, AlertState.RESOLVED, 0.99));
            notifier.onAlert(TestAlerts.withValue(quarter, AlertState.RESOLVED, 0.99));
            notifier.onAlert(TestAlerts.withValue(year, AlertState.RESOLVED, 0.99));
            tickAfterTheWindow();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(
                "Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu – 2 chỉ tiêu",
                "Đã khắc phục: UBND phường Bàn Cờ không còn dưới mục tiêu – 2 chỉ tiêu");
            assertThat(mail.sent()).noneMatch(d -> d.notification().message().body().contains("năm 2026"));
        }

        @Test
        void aResolveWaitsBehindTheGroupedRaiseWhenTheServerIsDown() {
            mail.down();
            raiseMonthQuarterAndYearWithinTheWindow();
            tickAfterTheWindow();
            notifier.onAlert(TestAlerts.withValue(quarter, AlertState.RESOLVED, 0.99));
            tickAfterTheWindow();
            assertThat(notifier.pendingDeliveries()).as("a grouped raise and a resolve per head").isEqualTo(4);

            mail.up();
            clock.advance(Duration.ofMinutes(5));
            notifier.tick();

            assertThat(mailsTo("binh.tran@example.org")).containsExactly(GROUP_SUBJECT,
                "Đã khắc phục: UBND phường Bàn Cờ không còn dưới mục tiêu Tỷ lệ hồ sơ giải quyết đúng hạn – quý 4/2026");
        }

        @Test
        void webhooksGetOneCallPerAlertWhileTheMailIsGrouped() {
            notifier = newNotifier(UnitRegistryFile.parse(UNIT_WITH_A_WEBHOOK_HEAD));
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
