package vn.tthc.monitor.kpi.evaluation;

import static vn.tthc.monitor.kpi.html.HtmlText.escape;

import vn.tthc.monitor.contract.evaluation.ActionEntry;
import vn.tthc.monitor.contract.evaluation.AlertEntry;
import vn.tthc.monitor.contract.evaluation.EvaluationPeriods;
import vn.tthc.monitor.contract.evaluation.EvaluationReport;
import vn.tthc.monitor.contract.evaluation.Figure;
import vn.tthc.monitor.contract.evaluation.Objective;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;

/**
 * The evaluation report as one XHTML page (well-formed, so that the PDF renderer reads the same text), in
 * Vietnamese, with its style inline and no script: the unit, the period, when it was produced, whether the figures
 * are provisional, a summary of verdicts, the objectives beside the period before and the year before, the period's
 * alerts, and what the report does not hold yet (corrective actions).
 */
public final class EvaluationHtml {

    /** The font family the PDF renderer embeds (DejaVu Sans, see fonts/LICENSE.txt). */
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final String STYLE = """
        @page { size: A4 landscape; margin: 14mm 12mm; }
        body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
        h1 { font-size: 14pt; margin: 0 0 4pt 0; text-align: center; }
        h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
        p { margin: 2pt 0; }
        table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
        th, td { border: 1px solid #777; padding: 2pt 3pt; vertical-align: top; white-space: nowrap; }
        th { background: #e8e8e8; font-weight: bold; }
        td.n { text-align: right; white-space: nowrap; }
        tr { page-break-inside: avoid; }
        .provisional { color: #9a4b00; font-weight: bold; }
        .final { color: #0a5a0a; font-weight: bold; }
        .not-met { color: #a00000; font-weight: bold; }
        .met { color: #0a5a0a; }
        .note { color: #444; }
        """;

    private EvaluationHtml() {
    }

    /** The page of {@code report}, provisional or final by its own {@link EvaluationReport#finality()}. */
    public static String render(final EvaluationReport report) {
        return render(report, null);
    }

    /**
     * The page of {@code report} as the verdict {@code verdict} makes it final (kết luận): "Chính thức" from the
     * verdict's date, the verdict's counts, and for a correction the revision it corrects; with a null verdict, as
     * {@link #render(EvaluationReport)}.
     */
    public static String render(final EvaluationReport report, final PeriodVerdict verdict) {
        final StringBuilder html = new StringBuilder(16_384 + report.objectives().size() * 600);
        final String title = "Báo cáo kết quả thực hiện mục tiêu chất lượng";
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head>")
            .append("<meta charset=\"UTF-8\" />")
            .append("<title>").append(title).append(" – ").append(escape(report.unitName())).append(" – ")
            .append(escape(EvaluationPeriods.name(report.period()))).append("</title>")
            .append("<style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(title.toUpperCase(java.util.Locale.forLanguageTag("vi"))).append("</h1>");
        html.append("<p><b>Đơn vị:</b> ").append(escape(report.unitName())).append(" (mã ").append(escape(report.unitId()))
            .append(")</p>");
        html.append("<p><b>Phạm vi:</b> ").append(report.scope() == Scope.SUBTREE
            ? "đơn vị và các đơn vị trực thuộc" : "hồ sơ của chính đơn vị").append("</p>");
        html.append("<p><b>Kỳ đánh giá:</b> ").append(EvaluationPeriods.name(report.period())).append(" (")
            .append(VietnameseFormat.date(report.period().firstDay().atStartOfDay(
                vn.tthc.monitor.contract.kpi.VietnamTime.ZONE).toInstant()))
            .append(" – ").append(VietnameseFormat.date(report.period().end().minusSeconds(1))).append(")</p>");
        html.append("<p><b>Thời điểm lập báo cáo:</b> ").append(VietnameseFormat.dateTime(report.producedAt())).append("</p>");
        html.append("<p><b>Tình trạng số liệu:</b> ");
        if (verdict != null) {
            html.append("<span class=\"final\">Chính thức</span> – kết luận ngày ")
                .append(VietnameseFormat.dateTime(verdict.finalAt())).append(" (")
                .append(verdict.finalReason() == PeriodVerdict.FinalReason.ALL_CLOSED
                    ? "mọi hồ sơ nhận trong kỳ đã được giải quyết" : "đã qua hạn chốt số liệu sau khi kết thúc kỳ")
                .append(").");
        } else if (report.finality().provisional()) {
            html.append("<span class=\"provisional\">Tạm tính</span> – số liệu còn thay đổi; chính thức từ ")
                .append(VietnameseFormat.dateTime(report.finality().finalFrom()))
                .append(" (10 ngày làm việc sau khi kết thúc kỳ).");
        } else {
            html.append("<span class=\"final\">Chính thức</span>.");
        }
        html.append("</p>");

        if (verdict != null) {
            appendVerdict(html, verdict);
        }
        html.append("<h2>1. Tổng hợp</h2><p>Số mục tiêu đạt: <b>").append(report.count(Verdict.MET))
            .append("</b>; không đạt: <b>").append(report.count(Verdict.NOT_MET))
            .append("</b>; chưa đủ số lượng: <b>").append(report.count(Verdict.LOW_VOLUME))
            .append("</b>; chưa có dữ liệu: <b>").append(report.count(Verdict.NO_DATA)).append("</b>.</p>");

        final String previousName = EvaluationPeriods.previous(report.period()).map(EvaluationPeriods::name).orElse("—");
        final String yearBeforeName = EvaluationPeriods.yearBefore(report.period()).map(EvaluationPeriods::name).orElse("—");
        html.append("<h2>2. Kết quả thực hiện từng mục tiêu</h2>")
            .append("<table><thead><tr><th>Lĩnh vực</th><th>Mục tiêu</th><th>Chỉ tiêu</th><th>Kết quả</th>")
            .append("<th>Số lượng</th><th>Đánh giá</th><th>Kỳ trước<br />(").append(previousName).append(")</th>")
            .append("<th>Cùng kỳ năm trước<br />(").append(yearBeforeName).append(")</th></tr></thead><tbody>");
        for (final Objective objective : report.objectives()) {
            final Figure now = objective.current();
            html.append("<tr><td>").append(escape(objective.fieldName())).append("</td><td>").append(objective.kpiName())
                .append("</td><td class=\"n\">").append(VietnameseFormat.percent(now.target()))
                .append("</td><td class=\"n\">").append(now.rate())
                .append("</td><td class=\"n\">").append(VietnameseFormat.count(now.good())).append('/')
                .append(VietnameseFormat.count(now.volume()))
                .append("</td><td class=\"").append(verdictClass(now.verdict())).append("\">").append(now.verdict().label())
                .append("</td><td class=\"n\">").append(comparison(objective.previous()))
                .append("</td><td class=\"n\">").append(comparison(objective.yearBefore()))
                .append("</td></tr>");
        }
        html.append("</tbody></table>");
        html.append("<p class=\"note\">Kết quả = số hồ sơ (đánh giá, phản ánh) đạt / tổng số; mục tiêu có dưới ")
            .append("ngưỡng số lượng tối thiểu (minVolume) được ghi “Chưa đủ số lượng” và không bị đánh giá không đạt.</p>");

        html.append("<h2>3. Vi phạm chỉ tiêu và cảnh báo trong kỳ</h2>");
        if (report.alerts().isEmpty()) {
            html.append("<p>Không có vi phạm chỉ tiêu hay cảnh báo nguy cơ không đạt nào trong kỳ.</p>");
        } else {
            html.append("<table><thead><tr><th>Loại</th><th>Lĩnh vực</th><th>Mục tiêu</th><th>Phát sinh</th>")
                .append("<th>Kết thúc</th><th>Giá trị</th><th>Chỉ tiêu</th><th>Số lượng</th></tr></thead><tbody>");
            for (final AlertEntry alert : report.alerts()) {
                html.append("<tr><td>").append(alert.kindName()).append("</td><td>")
                    .append(escape(vn.tthc.monitor.contract.kpi.KpiRowKey.ALL_FIELDS.equals(alert.fieldId())
                        ? "Tất cả lĩnh vực" : alert.fieldId()))
                    .append("</td><td>").append(Objective.kpiName(alert.kpi()))
                    .append("</td><td class=\"n\">").append(VietnameseFormat.dateTime(alert.raisedAt()))
                    .append("</td><td class=\"n\">").append(alert.resolvedAt() == null ? "Đang diễn ra"
                        : VietnameseFormat.dateTime(alert.resolvedAt()))
                    .append("</td><td class=\"n\">").append(alert.value() == null ? "—" : ratio(alert.value()))
                    .append("</td><td class=\"n\">").append(ratio(alert.target()))
                    .append("</td><td class=\"n\">").append(VietnameseFormat.count(alert.volume())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }

        if (report.alertsCut()) {
            html.append("<p class=\"note\">Danh sách trên lấy từ các cảnh báo mới nhất của hệ thống (có giới hạn số lượng):")
                .append(" các cảnh báo cũ hơn của kỳ có thể không được liệt kê.</p>");
        }
        html.append("<h2>4. Hành động khắc phục</h2>");
        if (report.actions().isEmpty()) {
            html.append("<p>Không có hành động khắc phục nào được ghi nhận cho các cảnh báo của kỳ.</p>");
        } else {
            html.append("<table><thead><tr><th>Lĩnh vực</th><th>Mục tiêu</th><th>Tiếp nhận</th><th>Nguyên nhân</th>")
                .append("<th>Hành động khắc phục</th><th>Người chịu trách nhiệm</th><th>Thời hạn</th>")
                .append("<th>Tình trạng</th></tr></thead><tbody>");
            for (final ActionEntry action : report.actions()) {
                html.append("<tr><td>").append(escape(vn.tthc.monitor.contract.kpi.KpiRowKey.ALL_FIELDS.equals(action.fieldId())
                        ? "Tất cả lĩnh vực" : action.fieldId()))
                    .append("</td><td>").append(Objective.kpiName(action.kpi()))
                    .append(action.kind() == vn.tthc.monitor.contract.alert.AlertKind.AT_RISK ? " (dự báo)" : "")
                    .append("</td><td>").append(action.acknowledgedBy() == null ? "—" : escape(action.acknowledgedBy())
                        + "<br />" + VietnameseFormat.dateTime(action.acknowledgedAt()))
                    .append("</td><td>").append(action.cause() == null ? "—" : escape(action.cause()))
                    .append("</td><td>").append(action.action() == null ? "—" : escape(action.action()))
                    .append(action.revisions() > 1 ? " <i>(đã điều chỉnh " + (action.revisions() - 1) + " lần)</i>" : "")
                    .append("</td><td>").append(action.responsible() == null ? "—" : escape(action.responsible()))
                    .append("</td><td class=\"n\">").append(action.due() == null ? "—"
                        : vn.tthc.monitor.contract.action.ActionRequest.vietnamese(action.due()))
                    .append("</td><td>").append(action.state().vietnamese())
                    .append(action.completedAt() == null ? "" : " (" + VietnameseFormat.dateTime(action.completedAt()) + ")")
                    .append("</td></tr>");
            }
            html.append("</tbody></table><p class=\"note\">Tình trạng tại thời điểm lập báo cáo; các lần ghi nhận và ")
                .append("điều chỉnh đều được lưu giữ, không bản ghi nào bị xoá.</p>");
        }
        html.append("<p class=\"note\">Báo cáo do hệ thống TTHC Monitor lập tự động lúc ")
            .append(VietnameseFormat.dateTime(report.producedAt())).append(".</p>");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void appendVerdict(final StringBuilder html, final PeriodVerdict verdict) {
        if (verdict.isCorrection()) {
            html.append("<p><b>Đính chính:</b> <span class=\"not-met\">bản đính chính số ").append(verdict.revision())
                .append("</span>, đính chính bản số ").append(verdict.revision() - 1)
                .append(verdict.revision() == 1 ? " (kết luận ban đầu)" : "")
                .append(": ").append(VietnameseFormat.count(verdict.correctedAfterFinal()))
                .append(" sự kiện ghi nhận sau khi số liệu đã chính thức làm thay đổi kết quả");
            if (verdict.lastCorrectedAt() != null) {
                html.append(", lần cuối lúc ").append(VietnameseFormat.dateTime(verdict.lastCorrectedAt()));
            }
            html.append(".</p>");
        }
        html.append("<p><b>Kết luận</b> (bản số ").append(verdict.revision()).append(", lập lúc ")
            .append(VietnameseFormat.dateTime(verdict.producedAt())).append("): đạt <b>")
            .append(verdict.objectives(Verdict.MET).size()).append("</b>, không đạt <b>")
            .append(verdict.objectives(Verdict.NOT_MET).size()).append("</b>, chưa đủ số lượng <b>")
            .append(verdict.objectives(Verdict.LOW_VOLUME).size()).append("</b>, chưa có dữ liệu <b>")
            .append(verdict.objectives(Verdict.NO_DATA).size()).append("</b> mục tiêu.</p>");
    }

    private static String comparison(final Figure figure) {
        if (figure == null || figure.volume() == 0) {
            return "Chưa có dữ liệu";
        }
        return figure.rate() + " (" + VietnameseFormat.count(figure.volume()) + ")<br />" + figure.verdict().label();
    }

    private static String ratio(final double value) {
        return VietnameseFormat.percent(java.math.BigDecimal.valueOf(value));
    }

    private static String verdictClass(final Verdict verdict) {
        return switch (verdict) {
            case MET -> "met";
            case NOT_MET -> "not-met";
            case LOW_VOLUME, NO_DATA -> "note";
        };
    }
}
