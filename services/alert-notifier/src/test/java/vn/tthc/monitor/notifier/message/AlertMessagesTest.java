package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.testing.TestAlerts;

class AlertMessagesTest {

    private final AlertMessages messages = new AlertMessages(new DashboardLinks("https://grafana.example.org/"));
    private final Unit banCo = UNITS.unit("UBND-P-BAN-CO").orElseThrow();
    private final Unit city = UNITS.unit("UBND-TP").orElseThrow();

    @Test
    void aRaisedAlertNamesTheUnitTheKpiAndThePeriodInItsSubject() {
        final Message message = messages.raised(TestAlerts.onTime(AlertState.RAISED, NOW), banCo);

        assertThat(message.subject())
            .isEqualTo("Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu Tỷ lệ hồ sơ giải quyết đúng hạn – tháng 11/2026");
    }

    @Test
    void aRaisedAlertGivesValueTargetVolumeHeadroomCasesAndTheDashboard() {
        final String body = messages.raised(TestAlerts.onTime(AlertState.RAISED, NOW), banCo).body();

        assertThat(body)
            .contains("Tỷ lệ hồ sơ giải quyết đúng hạn của UBND phường Bàn Cờ (tất cả lĩnh vực) trong tháng 11/2026")
            .contains("Giá trị hiện tại: 93%")
            .contains("Mục tiêu: 98%")
            .contains("Số lượng tính chỉ tiêu: 200 (tối thiểu 20 để đánh giá)")
            .contains("Kỳ này đã có 10 hồ sơ trễ hạn vượt quá mức cho phép để đạt mục tiêu.")
            .contains("Hồ sơ liên quan (mới nhất trước):\n  - «HS-0042»\n  - «HS-0031»\n  - «HS-0007»")
            .contains("Phát hiện lúc 14:00 ngày 22/11/2026")
            .contains("https://grafana.example.org/d/tthc-unit?var-unit=UBND-P-BAN-CO");
    }

    @Test
    void aFieldRowNamesItsFieldAndAQuarterReadsAsAQuarter() {
        final KpiAlert alert = new KpiAlert("SO-TU-PHAP", "HO_TICH", "2026-Q4", "satisfactionRate", AlertState.RAISED,
            false, 0.9512, 0.96, 41, 20, 3L, List.of("HS-1"), NOW, NOW);

        final Message message = messages.raised(alert, UNITS.unit("SO-TU-PHAP").orElseThrow());

        assertThat(message.subject())
            .isEqualTo("Cảnh báo: Sở Tư pháp dưới mục tiêu Tỷ lệ hài lòng (lĩnh vực «HO_TICH») – quý 4/2026");
        assertThat(message.body())
            .contains("Giá trị hiện tại: 95,12%")
            .contains("Mục tiêu: 96%")
            .contains("Kỳ này còn có thể có thêm 3 đánh giá không hài lòng mà vẫn đạt mục tiêu.");
    }

    @Test
    void theFeedbackKpiListsFeedbackNotCases() {
        final KpiAlert alert = new KpiAlert("UBND-P-BAN-CO", "*", "2026", "feedbackOnTimeRate", AlertState.RAISED,
            false, 0.5, 1.0, 2, 1, -1L, List.of("PAKN-9"), NOW, NOW);

        final Message message = messages.raised(alert, banCo);

        assertThat(message.subject()).endsWith("Tỷ lệ phản ánh kiến nghị xử lý đúng hạn – năm 2026");
        assertThat(message.body()).contains("Phản ánh kiến nghị liên quan (mới nhất trước):\n  - «PAKN-9»");
    }

    @Test
    void aResolvedAlertIsAFollowUpWithTheNewValue() {
        final KpiAlert resolved = TestAlerts.withValue(TestAlerts.onTime(AlertState.RESOLVED, NOW), AlertState.RESOLVED,
            0.985);

        final Message message = messages.resolved(resolved, banCo);

        assertThat(message.subject()).isEqualTo(
            "Đã khắc phục: UBND phường Bàn Cờ không còn dưới mục tiêu Tỷ lệ hồ sơ giải quyết đúng hạn – tháng 11/2026");
        assertThat(message.body()).contains("Giá trị hiện tại: 98,5%").contains("Mục tiêu: 98%")
            .contains("Cảnh báo đã được phát hiện lúc 14:00 ngày 22/11/2026");
    }

    @Test
    void anEscalationIsAddressedToTheUnitAboveAndSaysHowLongItHasBeenOpen() {
        final Message message = messages.escalated(TestAlerts.onTime(AlertState.UPDATED, NOW), banCo, city,
            Duration.ofHours(4).plusMinutes(1));

        assertThat(message.subject()).startsWith("Chuyển cấp: UBND phường Bàn Cờ dưới mục tiêu")
            .endsWith("chưa khắc phục sau 4 giờ 1 phút");
        assertThat(message.body()).startsWith("Kính gửi lãnh đạo UBND Thành phố,")
            .contains("của đơn vị trực thuộc UBND phường Bàn Cờ")
            .contains("var-unit=UBND-P-BAN-CO");
    }

    @Test
    void aKpiWithoutValueSaysSo() {
        final KpiAlert alert = new KpiAlert("UBND-P-BAN-CO", "*", "2026-11", "onlineRate", AlertState.RESOLVED, false,
            null, 1.0, 0, 20, null, List.of(), NOW, NOW);

        final String body = messages.resolved(alert, banCo).body();

        assertThat(body).contains("Giá trị hiện tại: chưa có số liệu").doesNotContain("Kỳ này");
    }

    @Test
    void aGroupOfRaisesCountsThemInTheSubjectAndListsEachByKpiFieldAndPeriod() {
        final KpiAlert month = TestAlerts.onTime(AlertState.RAISED, NOW);
        final KpiAlert landField = new KpiAlert("UBND-P-BAN-CO", "DAT_DAI", "2026", "onTimeRate", AlertState.RAISED,
            false, 0.9, 0.98, 40, 20, -3L, List.of("HS-0101"), NOW, NOW);

        final Message message = messages.raisedGroup(
            List.of(landField, TestAlerts.inPeriod(month, "2026"), month), banCo);

        assertThat(message.subject()).isEqualTo("Cảnh báo: UBND phường Bàn Cờ dưới mục tiêu – 3 chỉ tiêu");
        assertThat(message.body())
            .contains("3 chỉ tiêu của UBND phường Bàn Cờ đang dưới mục tiêu:\n\n"
                + "1. Tỷ lệ hồ sơ giải quyết đúng hạn (tất cả lĩnh vực) – tháng 11/2026\n"
                + "     Giá trị hiện tại: 93%\n"
                + "     Mục tiêu: 98%\n"
                + "     Số lượng tính chỉ tiêu: 200 (tối thiểu 20 để đánh giá)\n\n"
                + "   Kỳ này đã có 10 hồ sơ trễ hạn vượt quá mức cho phép để đạt mục tiêu.\n\n"
                + "   Hồ sơ liên quan (mới nhất trước):\n     - «HS-0042»\n")
            .contains("\n2. Tỷ lệ hồ sơ giải quyết đúng hạn (tất cả lĩnh vực) – năm 2026\n")
            .contains("\n3. Tỷ lệ hồ sơ giải quyết đúng hạn (lĩnh vực «DAT_DAI») – năm 2026\n")
            .contains("   Phát hiện lúc 14:00 ngày 22/11/2026.")
            .endsWith("Bảng điều khiển của đơn vị: https://grafana.example.org/d/tthc-unit?var-unit=UBND-P-BAN-CO\n\n"
                + "Thư này được gửi tự động bởi TTHC Monitor.\n");
        assertThat(message.link()).isEqualTo("https://grafana.example.org/d/tthc-unit?var-unit=UBND-P-BAN-CO");
    }

    @Test
    void aGroupOfResolvesCountsThemInTheSubject() {
        final KpiAlert month = TestAlerts.withValue(TestAlerts.onTime(AlertState.RESOLVED, NOW), AlertState.RESOLVED,
            0.985);

        final Message message = messages.resolvedGroup(List.of(month, TestAlerts.inPeriod(month, "2026-Q4")), banCo);

        assertThat(message.subject()).isEqualTo("Đã khắc phục: UBND phường Bàn Cờ không còn dưới mục tiêu – 2 chỉ tiêu");
        assertThat(message.body()).contains("2 chỉ tiêu của UBND phường Bàn Cờ không còn dưới mục tiêu:")
            .contains("2. Tỷ lệ hồ sơ giải quyết đúng hạn (tất cả lĩnh vực) – quý 4/2026\n     Giá trị hiện tại: 98,5%")
            .contains("   Cảnh báo đã được phát hiện lúc 14:00 ngày 22/11/2026.");
    }
}
