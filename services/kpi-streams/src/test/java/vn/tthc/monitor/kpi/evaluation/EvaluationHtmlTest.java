package vn.tthc.monitor.kpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionEventType;
import vn.tthc.monitor.contract.action.ActionState;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.evaluation.EvaluationReport;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;

class EvaluationHtmlTest {

    private static final Instant NOW = ZonedDateTime.of(2026, 5, 12, 14, 15, 0, 0, VietnamTime.ZONE).toInstant();

    private static EvaluationReport report(final String unitName) {
        return report(unitName, false);
    }

    private static EvaluationReport report(final String unitName, final boolean alertsCut) {
        return EvaluationReport.of("U", unitName, Scope.OWN, Period.parse("2026-Q2"),
            Map.of(new KpiRowKey("U", "*", "2026-Q2"), KpiCounters.survey(true)), Targets.sectionThreeDefaults(), List.of(),
            alertsCut, NOW, WorkingCalendar.vietnam());
    }

    @Test
    void escapesTheUnitNameAndSaysWhatIsNotThere() {
        final String html = EvaluationHtml.render(report("Phòng <b>A</b> & \"B\""));
        assertThat(html).contains("Phòng &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;").doesNotContain("<b>A</b>")
            .doesNotContainIgnoringCase("<script")
            .contains("Tạm tính", "Quý 2 năm 2026", "12/05/2026 14:15", "Chưa đủ số lượng",
                "Không có hành động khắc phục nào được ghi nhận cho các cảnh báo của kỳ.");
    }

    @Test
    void listsTheCorrectiveActionsOfThePeriodsAlertsInHtmlAndPdf() throws Exception {
        final List<String> key = List.of("U", "*", "2026-Q2", "onTimeRate");
        CorrectiveAction action = CorrectiveAction.apply(null, new ActionEvent(key, "e1", ActionEventType.ACKNOWLEDGED,
            "truong-phong", ActionChannel.API, NOW.minusSeconds(7_200), null, null, null, null, null));
        action = CorrectiveAction.apply(action, new ActionEvent(key, "e2", ActionEventType.RECORDED, "chất.lượng@u.gov.vn",
            ActionChannel.MAIL_LINK, NOW.minusSeconds(3_600), "Thiếu cán bộ <một cửa>", "Điều động thêm hai cán bộ",
            "Phó trưởng phòng Lê Thị Hà", java.time.LocalDate.of(2026, 6, 30), null));
        // another period's and another unit's actions are not this report's
        final CorrectiveAction otherPeriod = CorrectiveAction.apply(null, new ActionEvent(List.of("U", "*", "2026-Q1",
            "onTimeRate"), "e3", ActionEventType.ACKNOWLEDGED, "khác", ActionChannel.API, NOW, null, null, null, null, null));
        final CorrectiveAction otherUnit = CorrectiveAction.apply(null, new ActionEvent(List.of("V", "*", "2026-Q2",
            "onTimeRate"), "e4", ActionEventType.ACKNOWLEDGED, "khác", ActionChannel.API, NOW, null, null, null, null, null));
        final EvaluationReport report = EvaluationReport.of("U", "UBND phường Võ Thị Sáu", Scope.OWN, Period.parse("2026-Q2"),
            Map.of(new KpiRowKey("U", "*", "2026-Q2"), KpiCounters.survey(true)), Targets.sectionThreeDefaults(), List.of(),
            false, NOW, WorkingCalendar.vietnam(), List.of(otherPeriod, action, otherUnit));
        assertThat(report.actions()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(ActionState.OPEN);
            assertThat(entry.acknowledgedBy()).isEqualTo("truong-phong");
        });
        final String html = EvaluationHtml.render(report);
        assertThat(html).contains("Thiếu cán bộ &lt;một cửa&gt;", "Điều động thêm hai cán bộ", "Phó trưởng phòng Lê Thị Hà",
            "30/06/2026", "Đang thực hiện", "truong-phong").doesNotContain("khác<");
        try (PDDocument document = Loader.loadPDF(EvaluationPdf.render(html))) {
            final String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("4. Hành động khắc phục", "Điều động thêm hai cán bộ", "Lê Thị Hà", "30/06/2026",
                "Đang thực hiện");
        }
    }

    @Test
    void saysWhenTheAlertsListWasCut() {
        final String note = "các cảnh báo cũ hơn của kỳ có thể không được liệt kê";
        assertThat(EvaluationHtml.render(report("U", true))).contains(note);
        assertThat(EvaluationHtml.render(report("U", false))).doesNotContain(note);
    }

    @Test
    void thePdfKeepsTheDiacritics() throws Exception {
        final byte[] pdf = EvaluationPdf.render(EvaluationHtml.render(report("UBND phường Võ Thị Sáu")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            final String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("UBND phường Võ Thị Sáu", "BÁO CÁO KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG",
                "Tỷ lệ hài lòng", "Chưa đủ số lượng");
        }
    }

    @Test
    void aVerdictMakesTheReportFinalFromItsDateAndACorrectionSaysWhichRevisionItCorrects() {
        final Instant finalAt = ZonedDateTime.of(2026, 7, 15, 8, 30, 0, 0, VietnamTime.ZONE).toInstant();
        final List<ObjectiveVerdict> objectives = List.of(
            new ObjectiveVerdict("*", Kpi.ON_TIME_RATE, Verdict.MET, 1.0, 0.98, 5, 1),
            new ObjectiveVerdict("*", Kpi.SATISFACTION_RATE, Verdict.NOT_MET, 0.5, 0.9, 4, 1),
            new ObjectiveVerdict("*", Kpi.ONLINE_RATE, Verdict.NO_DATA, null, 1.0, 0, 1));
        final PeriodVerdict verdict = new PeriodVerdict("U", "2026-Q2", Scope.OWN, 0, finalAt,
            PeriodVerdict.FinalReason.ALL_CLOSED, objectives, 0, null, finalAt);
        final String html = EvaluationHtml.render(report("U"), verdict);
        assertThat(html).as("the report itself is provisional by the calendar at NOW; the verdict makes it final")
            .contains("Chính thức</span> – kết luận ngày 15/07/2026 08:30 (mọi hồ sơ nhận trong kỳ đã được giải quyết)",
                "Kết luận</b> (bản số 0, lập lúc 15/07/2026 08:30): đạt <b>1</b>, không đạt <b>1</b>, chưa đủ số lượng <b>0</b>,"
                    + " chưa có dữ liệu <b>1</b>")
            .doesNotContain("Tạm tính", "Đính chính");
        final PeriodVerdict correction = new PeriodVerdict("U", "2026-Q2", Scope.OWN, 2, finalAt,
            PeriodVerdict.FinalReason.CUT_OFF, objectives, 3, finalAt.plusSeconds(86_400), finalAt.plusSeconds(90_000));
        assertThat(EvaluationHtml.render(report("U"), correction)).contains("đã qua hạn chốt số liệu",
            "bản đính chính số 2</span>, đính chính bản số 1: 3 sự kiện", "lần cuối lúc 16/07/2026 08:30", "(bản số 2,");
        assertThat(EvaluationHtml.render(report("U"), null)).isEqualTo(EvaluationHtml.render(report("U")));
    }
}
