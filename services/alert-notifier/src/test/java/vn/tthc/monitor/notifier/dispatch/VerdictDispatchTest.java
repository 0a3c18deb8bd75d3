package vn.tthc.monitor.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.VerdictFixtures.banCoCorrection;
import static vn.tthc.monitor.notifier.testing.VerdictFixtures.banCoVerdict;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.NotifierSettings;
import vn.tthc.monitor.notifier.testing.InMemoryLedger;
import vn.tthc.monitor.notifier.testing.MutableClock;
import vn.tthc.monitor.notifier.testing.RecordingTransport;
import vn.tthc.monitor.notifier.testing.TestAlerts;

/**
 * Verdict records through the rules and the dispatcher, over recording transports and an in-memory ledger: to the
 * heads of the unit and of its parent, once, in revision order, across an outage and a restart.
 */
class VerdictDispatchTest {

    private static final String DASHBOARD_URL = "http://127.0.0.1:3000";
    private static final List<String> BAN_CO_AND_CITY =
        List.of("binh.tran@example.org", "cuong.vo@example.org", "quang.le@example.org");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingTransport mail = new RecordingTransport(ChannelKind.EMAIL);
    private final RecordingTransport webhook = new RecordingTransport(ChannelKind.WEBHOOK);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Dispatcher dispatcher = dispatcher(UNITS);

    private Dispatcher dispatcher(final UnitRegistry units) {
        final NotifierSettings settings = new NotifierSettings(Duration.ofHours(4), Duration.ofMinutes(15),
            Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ZERO);
        final Dispatcher dispatcher = new Dispatcher(new NotificationRules(units, TestAlerts.alertMessages(DASHBOARD_URL, null),
            TestAlerts.digestMessages(DASHBOARD_URL, null), settings), TestAlerts.verdictRules(units, DASHBOARD_URL),
            settings, clock, ledger, List.of(mail, webhook), new NotificationMetrics(meters), key -> { }, unit -> true);
        dispatcher.inputsRead(true);
        return dispatcher;
    }

    private double verdictMails(final String outcome, final NotificationKind kind) {
        return meters.counter("tthc.verdict.mails." + outcome, "kind", kind.tag()).count();
    }

    @Test
    void aVerdictIsMailedOnceToTheHeadsOfTheUnitAndOfItsParentWithTheReport() {
        dispatcher.onVerdictReport(banCoVerdict());
        dispatcher.tick();
        dispatcher.onVerdictReport(banCoVerdict());
        dispatcher.tick();

        assertThat(mail.sent()).extracting(Delivery::address).containsExactlyInAnyOrderElementsOf(BAN_CO_AND_CITY);
        assertThat(mail.sent()).allSatisfy(delivery -> {
            assertThat(delivery.notification().kind()).isEqualTo(NotificationKind.VERDICT);
            assertThat(delivery.notification().message().subject()).startsWith("KẾT LUẬN quý 3/2026 – UBND phường Bàn Cờ");
            assertThat(delivery.notification().message().attachment().content()).isEqualTo(banCoVerdict().reportPdf());
            assertThat(delivery.notification().message().attachment().fileName())
                .isEqualTo("bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3.pdf");
        });
        assertThat(verdictMails("sent", NotificationKind.VERDICT)).isEqualTo(3);
        assertThat(verdictMails("sent", NotificationKind.CORRECTION)).isZero();
    }

    @Test
    void aCorrectionReadBeforeItsVerdictWaitsForItAndFollowsIt() {
        dispatcher.onVerdictReport(banCoCorrection());
        dispatcher.tick();
        assertThat(mail.sent()).isEmpty();

        dispatcher.onVerdictReport(banCoVerdict());
        dispatcher.tick();

        assertThat(mail.sent()).hasSize(6);
        for (final String address : BAN_CO_AND_CITY) {
            assertThat(mail.sent()).filteredOn(d -> d.address().equals(address))
                .extracting(d -> d.notification().kind())
                .containsExactly(NotificationKind.VERDICT, NotificationKind.CORRECTION);
        }
        assertThat(mail.sent()).filteredOn(d -> d.notification().kind() == NotificationKind.CORRECTION)
            .allSatisfy(d -> {
                assertThat(d.notification().message().subject())
                    .isEqualTo("Đính chính kết luận quý 3/2026 – UBND phường Bàn Cờ: 2 chỉ tiêu thay đổi");
                assertThat(d.notification().message().attachment().content()).isEqualTo(banCoCorrection().reportPdf());
            });
    }

    @Test
    void aCorrectionWhoseVerdictNeverComesIsToldAfterAWaitWithEveryObjective() {
        dispatcher.onVerdictReport(banCoCorrection());
        clock.advance(Duration.ofSeconds(59));
        dispatcher.tick();
        assertThat(mail.sent()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();

        assertThat(mail.subjects()).hasSize(3)
            .allMatch(s -> s.equals("Đính chính kết luận quý 3/2026 – UBND phường Bàn Cờ: kết luận hiện nay"));
        assertThat(mail.sent().get(0).notification().message().body())
            .contains("Không có bản kết luận trước để so sánh")
            .contains("Tỷ lệ hài lòng – lĩnh vực Lý lịch tư pháp: chưa có dữ liệu – chưa có dữ liệu");
    }

    @Test
    void duringAnOutageTheVerdictWaitsAndIsDeliveredOnceAfterItAndAfterARestart() {
        mail.down();
        dispatcher.onVerdictReport(banCoVerdict());
        dispatcher.tick();
        clock.advance(Duration.ofSeconds(2));
        dispatcher.tick();
        assertThat(mail.sent()).isEmpty();
        assertThat(verdictMails("failed", NotificationKind.VERDICT)).isGreaterThanOrEqualTo(2);

        mail.up();
        clock.advance(Duration.ofMinutes(5));
        dispatcher.tick();
        assertThat(mail.sent()).extracting(Delivery::address).containsExactlyInAnyOrderElementsOf(BAN_CO_AND_CITY);

        dispatcher = dispatcher(UNITS);
        dispatcher.onVerdictReport(banCoVerdict());
        dispatcher.onVerdictReport(banCoCorrection());
        dispatcher.tick();

        assertThat(mail.sent()).hasSize(6);
        assertThat(mail.sent().subList(3, 6)).allMatch(d -> d.notification().kind() == NotificationKind.CORRECTION);
        assertThat(verdictMails("sent", NotificationKind.VERDICT)).isEqualTo(3);
        assertThat(verdictMails("sent", NotificationKind.CORRECTION)).isEqualTo(3);
    }

    @Test
    void aVerdictOfAnUnknownUnitIsCountedAsSkipped() {
        final PeriodVerdict known = banCoVerdict().verdict();
        dispatcher.onVerdictReport(new VerdictReport(new PeriodVerdict("UBND-X", known.period(), known.scope(), 0,
            known.finalAt(), known.finalReason(), known.objectives(), 0, null, known.producedAt()),
            new byte[] {1}, NOW));
        dispatcher.tick();

        assertThat(mail.sent()).isEmpty();
        assertThat(meters.counter("tthc.notifications.skipped", "reason", "unknown_unit").count()).isEqualTo(1);
    }

    @Test
    void theWebhookCarriesTheVerdictAndTheReportsDigestButNotItsBytes() throws Exception {
        dispatcher = dispatcher(UnitRegistryFile.parse("""
            units:
              - id: UBND-P-BAN-CO
                name: UBND phường Bàn Cờ
                heads:
                  - name: Trần Thị Bình
                    email: binh.tran@example.org
                    webhook: http://127.0.0.1:1/hook
            """));
        dispatcher.onVerdictReport(banCoVerdict());
        dispatcher.tick();

        assertThat(mail.sent()).singleElement().satisfies(d ->
            assertThat(d.notification().message().document().greeting()).isEqualTo("Kính gửi lãnh đạo UBND phường Bàn Cờ,"));
        assertThat(webhook.sent()).singleElement().satisfies(d -> {
            final Map<String, Object> payload = d.notification().payload();
            assertThat(payload).containsEntry("kind", "verdict").containsKeys("verdict", "mail", "report");
            assertThat(payload.get("report")).isEqualTo(Map.of("fileName", "bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3.pdf",
                "contentType", "application/pdf", "size", banCoVerdict().reportPdf().length,
                "sha256", d.notification().message().attachment().sha256()));
            final String json = ContractJson.mapper().writeValueAsString(payload);
            assertThat(json).contains("\"revision\":0").contains("\"NOT_MET\"")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(banCoVerdict().reportPdf()));
        });
    }
}
