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
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.VietnamTime;

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
}
