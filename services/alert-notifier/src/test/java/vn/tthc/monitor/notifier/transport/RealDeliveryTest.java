package vn.tthc.monitor.notifier.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.onTime;
import static vn.tthc.monitor.notifier.testing.TestAlerts.warning;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning.Kind;
import vn.tthc.monitor.notifier.dispatch.Dispatcher;
import vn.tthc.monitor.notifier.dispatch.NotificationMetrics;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.NotifierSettings;
import vn.tthc.monitor.notifier.testing.InMemoryLedger;
import vn.tthc.monitor.notifier.testing.MailServer;
import vn.tthc.monitor.notifier.testing.MutableClock;
import vn.tthc.monitor.notifier.testing.TestAlerts;
import vn.tthc.monitor.notifier.testing.WebhookReceiver;

/** The dispatcher with its real SMTP and webhook transports, against a real SMTP server and a real HTTP endpoint. */
class RealDeliveryTest {

    private static final Duration GROUP_WINDOW = Duration.ofSeconds(10);

    private final MailServer smtp = new MailServer();
    private final WebhookReceiver webhook = new WebhookReceiver();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Dispatcher dispatcher = dispatcher();

    private Dispatcher dispatcher() {
        final UnitRegistry units = UnitRegistryFile.parse("""
            units:
              - id: UBND-P-BAN-CO
                name: UBND phường Bàn Cờ
                heads:
                  - name: Trần Thị Bình
                    email: binh.tran@example.org
                    webhook: %s
                  - name: Võ Đức Cường
                    email: cuong.vo@example.org
            """.formatted(webhook.url()));
        final DashboardLinks links = new DashboardLinks("http://127.0.0.1:3000");
        final MailComposer composer = new MailComposer("tthc-monitor@example.org", "TTHC Monitor");
        final NotifierSettings settings = new NotifierSettings(Duration.ofHours(4), Duration.ofMinutes(15),
            Duration.ofSeconds(2), Duration.ofMinutes(1), GROUP_WINDOW);
        final Dispatcher dispatcher = new Dispatcher(new NotificationRules(units, TestAlerts.alertMessages(links.baseUrl(), null),
            TestAlerts.digestMessages(links.baseUrl(), null), settings),
            TestAlerts.verdictRules(units, links.baseUrl()), settings, clock, ledger, List.of(
                new SmtpTransport(new SmtpTransport.SmtpSettings("127.0.0.1", smtp.port(), null, null, true,
                    false, Duration.ofSeconds(5)), composer),
                new WebhookTransport(Duration.ofSeconds(5))),
            new NotificationMetrics(new SimpleMeterRegistry()), key -> { }, unit -> true);
        dispatcher.inputsRead(true);
        return dispatcher;
    }

    @AfterEach
    void stopServers() {
        smtp.close();
        webhook.close();
    }

    @Test
    void theSmtpServerReceivesTheVietnameseMailForEachHeadWithTheIdempotencyKeyAsMessageId() {
        smtp.start();

        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(GROUP_WINDOW);
        dispatcher.tick();

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.received().size() == 2);
        assertThat(smtp.received()).extracting(MailServer.Mail::to).containsExactlyInAnyOrder(
            "=?UTF-8?Q?Tr=E1=BA=A7n_Th=E1=BB=8B_B=C3=ACnh?= <binh.tran@example.org>",
            "=?UTF-8?Q?V=C3=B5_=C4=90=E1=BB=A9c_C=C6=B0=E1=BB=9Dng?= <cuong.vo@example.org>");
        assertThat(smtp.received()).allSatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Cảnh báo: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn 93% (mục tiêu 98%)");
            assertThat(mail.body()).as("the plain-text part").contains("   - Tháng 11/2026: 93% (mục tiêu 98%), 200 hồ sơ; "
                + "để đạt lại mục tiêu: đã vượt mức cho phép 10 hồ sơ trễ hạn");
            assertThat(mail.html()).as("the HTML alternative").startsWith("<!DOCTYPE html>")
                .contains("<td style=\"padding:4px 5px;border:1px solid #d0d7de;text-align:left;vertical-align:top;\">93%</td>");
            assertThat(mail.messageId()).matches("<[0-9a-f]{64}@tthc-monitor>");
        });
    }

    @Test
    void theWebhookGetsTheAlertAsJsonWithTheIdempotencyKey() throws Exception {
        smtp.start();

        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(GROUP_WINDOW);
        dispatcher.tick();

        assertThat(webhook.calls()).singleElement().satisfies(call -> {
            final JsonNode json = ContractJson.mapper().readTree(call.body());
            assertThat(call.idempotencyKey()).hasSize(64).isEqualTo(json.get("idempotencyKey").asText());
            assertThat(call.contentType()).startsWith("application/json");
            assertThat(json.get("kind").asText()).isEqualTo("raised");
            assertThat(json.get("unit").get("name").asText()).isEqualTo("UBND phường Bàn Cờ");
            assertThat(json.get("alert").get("state").asText()).isEqualTo("RAISED");
            assertThat(json.get("alert").get("drivingIds").get(0).asText()).isEqualTo("HS-0042");
            assertThat(json.get("dashboard").asText()).isEqualTo("http://127.0.0.1:3000/d/tthc-unit?var-unit=UBND-P-BAN-CO");
            assertThat(json.get("mail").get("subject").asText()).isEqualTo(json.get("subject").asText());
            assertThat(json.get("mail").get("items").get(0).get("periods").get(0).get("value").asText()).isEqualTo("93%");
            assertThat(json.get("mail").get("items").get(0).get("cases").get(0).get("caseId").asText())
                .isEqualTo("«HS-0042»");
        });
    }

    @Test
    void theMonthQuarterAndYearRaisesOfOneBreachArriveAsOneMailPerHeadAndOneWebhookCallPerAlert() throws Exception {
        smtp.start();
        final var month = onTime(AlertState.RAISED, NOW);

        dispatcher.onAlert(month);
        dispatcher.onAlert(TestAlerts.inPeriod(month, "2026-Q4"));
        dispatcher.onAlert(TestAlerts.inPeriod(month, "2026"));
        clock.advance(GROUP_WINDOW);
        dispatcher.tick();

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.received().size() == 2);
        assertThat(smtp.received()).allSatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Cảnh báo: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn 93% (mục tiêu 98%)");
            assertThat(mail.body().replace("\r\n", "\n")).as("SMTP carries CRLF line ends")
                .contains("Chỉ tiêu sau của UBND phường Bàn Cờ đang dưới mục tiêu:")
                .contains("1. Tỷ lệ hồ sơ giải quyết đúng hạn – tất cả lĩnh vực\n"
                    + "   - Tháng 11/2026, quý 4/2026, năm 2026: 93% (mục tiêu 98%)")
                .doesNotContain("2. ");
            assertThat(mail.body().split("HS-0042", -1)).as("each case once").hasSize(2);
            assertThat(mail.body().split("Bảng điều khiển của đơn vị", -1)).as("one dashboard link").hasSize(2);
            assertThat(mail.messageId()).matches("<[0-9a-f]{64}@tthc-monitor>");
        });
        assertThat(webhook.calls()).hasSize(3).allSatisfy(call ->
            assertThat(ContractJson.mapper().readTree(call.body()).get("alert").get("state").asText()).isEqualTo("RAISED"));
        assertThat(ledger.entries()).as("2 mails and their 3 alerts each, 3 webhook calls").hasSize(2 * 4 + 3);
    }

    @Test
    void mailsHeldUpWhileTheSmtpServerIsDownAllArriveOnceWhenItIsBack() {
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        dispatcher.onWarning(warning(Kind.OVERDUE, "HS-9", "UBND-P-BAN-CO", NOW));
        final List<Integer> pendingWhileDown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dispatcher.tick();
            pendingWhileDown.add(dispatcher.pendingDeliveries());
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(pendingWhileDown.get(pendingWhileDown.size() - 1)).as("two raised mails and two digests wait")
            .isEqualTo(4);

        smtp.start();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            dispatcher.tick();
        }

        assertThat(smtp.received()).extracting(MailServer.Mail::subject).containsExactlyInAnyOrder(
            "Cảnh báo: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn 93% (mục tiêu 98%)",
            "Cảnh báo: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn 93% (mục tiêu 98%)",
            "Tổng hợp hồ sơ quá hạn / sắp đến hạn – UBND phường Bàn Cờ",
            "Tổng hợp hồ sơ quá hạn / sắp đến hạn – UBND phường Bàn Cờ");
        assertThat(dispatcher.pendingDeliveries()).isZero();
        assertThat(webhook.calls()).hasSize(2);
    }

    @Test
    void anSmtpServerThatGoesDownInBetweenGetsTheLaterMailsWhenBackAndNoneTwice() {
        smtp.start();
        dispatcher.onAlert(onTime(AlertState.RAISED, NOW));
        clock.advance(GROUP_WINDOW);
        dispatcher.tick();
        assertThat(smtp.received()).hasSize(2);

        smtp.stop();
        dispatcher.onAlert(onTime(AlertState.RESOLVED, NOW));
        dispatcher.tick();
        clock.advance(Duration.ofSeconds(30));
        dispatcher.tick();
        assertThat(dispatcher.pendingDeliveries()).as("the two follow-up mails; the webhook is up").isEqualTo(2);

        smtp.start();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.tick();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.tick();

        assertThat(smtp.received()).extracting(MailServer.Mail::subject)
            .hasSize(2).allMatch(s -> s.startsWith("Đã khắc phục: UBND phường Bàn Cờ"));
        assertThat(webhook.calls()).hasSize(2);
        assertThat(ledger.entries()).hasSize(6);
    }
}
