package vn.tthc.monitor.kpi.publicfigures;

import vn.tthc.monitor.contract.evaluation.PublicFigures;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;

/**
 * The public figures as an HTML fragment a unit's website embeds (in an iframe or as is): one table with inline
 * style, no script, no external resource.
 */
public final class PublicFiguresHtml {

    private PublicFiguresHtml() {
    }

    public static String render(final PublicFigures figures) {
        final StringBuilder html = new StringBuilder(2048);
        html.append("<div class=\"tthc-public-figures\" lang=\"vi\" style=\"font-family:sans-serif;font-size:14px;")
            .append("color:#111;max-width:640px\">")
            .append("<p style=\"margin:0 0 6px 0;font-weight:bold\">Kết quả giải quyết thủ tục hành chính – ")
            .append(escape(figures.unitName())).append("</p>")
            .append("<table style=\"border-collapse:collapse;width:100%\"><thead><tr>")
            .append(th("Kỳ")).append(th("Tỷ lệ hài lòng")).append(th("Tỷ lệ giải quyết đúng hạn"))
            .append("</tr></thead><tbody>");
        for (final PublicFigures.PeriodFigures period : figures.periods()) {
            html.append("<tr>").append(td(period.name() + (period.current() ? " (đang diễn ra)" : ""), false))
                .append(td(rate(period.satisfaction(), "đánh giá"), true))
                .append(td(rate(period.onTime(), "hồ sơ"), true)).append("</tr>");
        }
        html.append("</tbody></table><p style=\"margin:4px 0 0 0;font-size:12px;color:#555\">Cập nhật lúc ")
            .append(VietnameseFormat.dateTime(figures.producedAt())).append(". Số liệu kỳ đang diễn ra là tạm tính.</p>")
            .append("</div>\n");
        return html.toString();
    }

    private static String rate(final PublicFigures.Rate rate, final String items) {
        return rate == null ? "Chưa có dữ liệu"
            : rate.text() + " (" + VietnameseFormat.count(rate.good()) + "/" + VietnameseFormat.count(rate.volume()) + " "
                + items + ")";
    }

    private static String th(final String text) {
        return "<th style=\"border:1px solid #999;padding:3px 6px;background:#eee;text-align:left\">" + escape(text) + "</th>";
    }

    private static String td(final String text, final boolean number) {
        return "<td style=\"border:1px solid #999;padding:3px 6px" + (number ? ";text-align:right" : "") + "\">"
            + escape(text) + "</td>";
    }

    private static String escape(final String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
