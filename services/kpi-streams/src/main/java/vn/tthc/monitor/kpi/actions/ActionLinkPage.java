package vn.tthc.monitor.kpi.actions;

import static vn.tthc.monitor.kpi.html.HtmlText.escape;

import java.util.List;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionRequest;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * The pages of the alert mails' links ({@code /actions?token=…}), server-rendered HTML in Vietnamese, no script: the
 * form to record about the alert, what came of it, and the refusals of an invalid or expired link.
 */
final class ActionLinkPage {

    private static final String STYLE = "body{font-family:system-ui,'Noto Sans',Arial,sans-serif;max-width:44rem;"
        + "margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}h1{font-size:1.4rem}label{display:block;"
        + "margin-top:.8rem;font-weight:600}textarea,input[type=text],input[type=date]{width:100%;box-sizing:border-box;"
        + "padding:.4rem;font:inherit}textarea{min-height:5rem}.problems{background:#fdecea;border-left:4px solid #c62828;"
        + "padding:.5rem 1rem}.done{background:#e8f5e9;border-left:4px solid #2e7d32;padding:.5rem 1rem}"
        + "fieldset{border:1px solid #ccc;margin-top:1rem}button{margin-top:1rem;padding:.5rem 1.2rem;font:inherit}"
        + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;"
        + "vertical-align:top}.note{color:#555;font-size:.9rem}";

    private ActionLinkPage() {
    }

    /** A whole page: {@code title} and {@code body} (already HTML). */
    static String page(final String title, final String body) {
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
            + "content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " – TTHC Monitor</title><style>"
            + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>\n";
    }

    /** Which alert: unit, field, period, objective, scope and kind. */
    static String alert(final List<String> key, final String unitName) {
        final String field = KpiRowKey.ALL_FIELDS.equals(key.get(1)) ? "Tất cả lĩnh vực" : key.get(1);
        final StringBuilder html = new StringBuilder("<table>");
        row(html, "Đơn vị", unitName + " (mã " + key.get(0) + ")");
        row(html, "Lĩnh vực", field);
        row(html, "Kỳ", key.get(2));
        row(html, "Mục tiêu", Kpi.fromId(key.get(3)).vietnameseName()
            + (key.contains("subtree") ? " (gồm các đơn vị trực thuộc)" : ""));
        row(html, "Loại cảnh báo", key.contains("AT_RISK") ? "Dự báo không đạt" : "Dưới mục tiêu");
        return html.append("</table>").toString();
    }

    /** The action so far: state, acknowledgement, current values, events. */
    static String current(final ActionView view) {
        if (view == null) {
            return "<p>Chưa có hành động khắc phục nào được ghi nhận cho cảnh báo này.</p>";
        }
        final var action = view.action();
        final StringBuilder html = new StringBuilder("<h2>Hành động khắc phục đã ghi nhận</h2><table>");
        row(html, "Tình trạng", view.stateName());
        if (action.acknowledgedAt() != null) {
            row(html, "Tiếp nhận", action.acknowledgedBy() + ", " + VietnameseFormat.dateTime(action.acknowledgedAt()));
        }
        if (action.recorded()) {
            row(html, "Nguyên nhân", action.cause());
            row(html, "Hành động khắc phục", action.action());
            row(html, "Người chịu trách nhiệm", action.responsible());
            row(html, "Thời hạn", ActionRequest.vietnamese(action.due()));
            row(html, "Ghi nhận", action.recordedBy() + ", " + VietnameseFormat.dateTime(action.recordedAt())
                + (action.revision() > 1 ? " (điều chỉnh lần " + (action.revision() - 1) + ")" : ""));
        }
        if (action.completedAt() != null) {
            row(html, "Hoàn thành", action.completedBy() + ", " + VietnameseFormat.dateTime(action.completedAt()));
        }
        html.append("</table><p class=\"note\">").append(action.events().size())
            .append(" bản ghi, không bản ghi nào bị xoá; lần gần nhất: ");
        final ActionEvent last = action.events().get(action.events().size() - 1);
        return html.append(escape(last.by())).append(", ").append(VietnameseFormat.dateTime(last.at())).append(".</p>").toString();
    }

    /** The form, with the values of a refused attempt ({@code asked}, may be null). */
    static String form(final String token, final String recipient, final ActionRequest asked) {
        final String type = asked == null || asked.type() == null ? "record" : asked.type();
        return "<form method=\"post\" action=\"/actions\" accept-charset=\"UTF-8\">"
            + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
            + "<fieldset><legend>Thao tác</legend>"
            + radio("acknowledge", "Tiếp nhận cảnh báo", type)
            + radio("record", "Ghi nhận (hoặc điều chỉnh) hành động khắc phục", type)
            + radio("complete", "Báo hoàn thành hành động khắc phục", type) + "</fieldset>"
            + "<label for=\"cause\">Nguyên nhân</label><textarea id=\"cause\" name=\"cause\" maxlength=\""
            + ActionRequest.MAX_TEXT + "\">" + value(asked == null ? null : asked.cause()) + "</textarea>"
            + "<label for=\"action\">Hành động khắc phục</label><textarea id=\"action\" name=\"action\" maxlength=\""
            + ActionRequest.MAX_TEXT + "\">" + value(asked == null ? null : asked.action()) + "</textarea>"
            + "<label for=\"responsible\">Người chịu trách nhiệm</label><input type=\"text\" id=\"responsible\" "
            + "name=\"responsible\" maxlength=\"" + ActionRequest.MAX_NAME + "\" value=\""
            + value(asked == null ? null : asked.responsible()) + "\">"
            + "<label for=\"due\">Thời hạn hoàn thành</label><input type=\"date\" id=\"due\" name=\"due\" value=\""
            + value(asked == null ? null : asked.due()) + "\">"
            + "<label for=\"note\">Ghi chú (không bắt buộc)</label><textarea id=\"note\" name=\"note\" maxlength=\""
            + ActionRequest.MAX_TEXT + "\">" + value(asked == null ? null : asked.note()) + "</textarea>"
            + "<p class=\"note\">Ghi nhận với danh nghĩa <b>" + escape(recipient) + "</b> (người nhận thư cảnh báo). "
            + "Mỗi lần gửi là một bản ghi mới; bản ghi cũ được giữ nguyên.</p>"
            + "<button type=\"submit\">Gửi</button></form>";
    }

    static String problems(final List<String> problems) {
        final StringBuilder html = new StringBuilder("<div class=\"problems\"><p>Chưa ghi nhận được:</p><ul>");
        problems.forEach(problem -> html.append("<li>").append(escape(problem)).append("</li>"));
        return html.append("</ul></div>").toString();
    }

    private static String radio(final String value, final String label, final String chosen) {
        return "<label><input type=\"radio\" name=\"type\" value=\"" + value + "\""
            + (value.equals(chosen) ? " checked" : "") + "> " + label + "</label>";
    }

    private static void row(final StringBuilder html, final String label, final String value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String value(final String value) {
        return value == null ? "" : escape(value);
    }
}
