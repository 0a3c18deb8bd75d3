package vn.tthc.monitor.notifier.message;

import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.notifier.message.MailDocument.CaseRow;
import vn.tthc.monitor.notifier.message.MailDocument.ChildRow;
import vn.tthc.monitor.notifier.message.MailDocument.Item;
import vn.tthc.monitor.notifier.message.MailDocument.PeriodRow;

/**
 * Lays a {@link MailDocument} out as the two parts of a mail: plain text that reads well in any client, and a
 * small HTML page (inline CSS only, no image, script or remote resource, one column that fits a phone). The
 * document's texts are one line each; the HTML escapes every one of them, so no id or name can add markup.
 */
public final class MailLayout {

    private static final String SIGNATURE = "Thư này được gửi tự động bởi TTHC Monitor.";
    private static final String DASHBOARD = "Bảng điều khiển của đơn vị (dành cho cán bộ vận hành): ";
    private static final String CELL = "padding:4px 5px;border:1px solid #d0d7de;text-align:left;vertical-align:top;";

    private MailLayout() {
    }

    /** The plain-text part: numbered items, one line per period row, the cases as a list with their links. */
    public static String text(final MailDocument mail) {
        final StringBuilder out = new StringBuilder().append(mail.greeting()).append("\n\n");
        mail.lead().forEach(p -> out.append(p).append('\n'));
        for (int i = 0; i < mail.items().size(); i++) {
            final Item item = mail.items().get(i);
            out.append('\n').append(i + 1).append(". ").append(item.title()).append('\n');
            for (final PeriodRow row : item.periods()) {
                out.append("   - ").append(row.periods()).append(": ").append(row.value());
                if (row.forecast() != null) {
                    out.append(", dự báo cuối kỳ ").append(row.forecast());
                }
                out.append(" (mục tiêu ").append(row.target()).append("), ").append(row.volume());
                if (row.margin() != null) {
                    out.append("; ").append(item.marginLabel().toLowerCase(java.util.Locale.ROOT)).append(": ")
                        .append(row.margin());
                }
                out.append('\n');
            }
            if (!item.children().isEmpty()) {
                out.append("   ").append(item.childrenTitle()).append(":\n");
                for (final ChildRow child : item.children()) {
                    out.append("   - ").append(child.unit()).append(": ").append(child.bad());
                    if (child.share() != null) {
                        out.append(" (").append(child.share()).append(')');
                    }
                    out.append('\n');
                }
            }
            if (item.casesTitle() != null) {
                out.append("   ").append(item.casesTitle()).append(":\n");
                for (final CaseRow row : item.cases()) {
                    out.append("   - ").append(caseLine(row)).append('\n');
                    if (row.link() != null) {
                        out.append("     ").append(row.link()).append('\n');
                    }
                }
                if (item.casesNotShown() > 0) {
                    out.append("   - và ").append(VietnameseText.count(item.casesNotShown()))
                        .append(" hồ sơ khác (xem trên bảng điều khiển)\n");
                }
                if (item.casesElsewhere() != null) {
                    out.append("   - ").append(item.casesElsewhere()).append('\n');
                }
            }
        }
        out.append('\n');
        mail.closing().forEach(p -> out.append(p).append('\n'));
        return out.append(DASHBOARD).append(mail.dashboard()).append("\n\n").append(SIGNATURE).append('\n').toString();
    }

    /** The HTML part: the same content, each item's periods as a table. */
    public static String html(final MailDocument mail) {
        final StringBuilder out = new StringBuilder()
            .append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(esc(mail.subject())).append("</title>\n</head>\n")
            .append("<body style=\"margin:0;padding:0;background:#f3f4f6;\">\n")
            .append("<div style=\"max-width:640px;margin:0 auto;padding:16px;background:#ffffff;color:#1f2933;")
            .append("font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;\">\n")
            .append("<p style=\"margin:0 0 12px;\">").append(esc(mail.greeting())).append("</p>\n");
        mail.lead().forEach(p -> out.append("<p style=\"margin:0 0 12px;\">").append(esc(p)).append("</p>\n"));
        for (int i = 0; i < mail.items().size(); i++) {
            item(out, i + 1, mail.items().get(i));
        }
        mail.closing().forEach(p -> out.append("<p style=\"margin:16px 0 0;\">").append(esc(p)).append("</p>\n"));
        out.append("<p style=\"margin:16px 0 0;font-size:13px;color:#52606d;\">")
            .append(esc(DASHBOARD.substring(0, DASHBOARD.length() - 2))).append(": <a href=\"").append(esc(mail.dashboard()))
            .append("\" style=\"color:#1d4ed8;\">").append(esc(mail.dashboard())).append("</a></p>\n")
            .append("<p style=\"margin:16px 0 0;font-size:13px;color:#52606d;\">").append(esc(SIGNATURE)).append("</p>\n")
            .append("</div>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void item(final StringBuilder out, final int number, final Item item) {
        out.append("<h2 style=\"margin:24px 0 8px;font-size:17px;line-height:1.3;\">").append(number).append(". ")
            .append(esc(item.title())).append("</h2>\n");
        final boolean forecast = item.periods().stream().anyMatch(r -> r.forecast() != null);
        final boolean margin = item.marginLabel() != null && item.periods().stream().anyMatch(r -> r.margin() != null);
        final List<String> heads = new ArrayList<>(List.of(item.rowHeading(), "Giá trị"));
        if (forecast) {
            heads.add("Dự báo");
        }
        heads.addAll(List.of("Mục tiêu", "Số lượng"));
        if (margin) {
            heads.add(item.marginLabel());
        }
        out.append("<table style=\"width:100%;border-collapse:collapse;font-size:13px;\">\n<tr>");
        heads.forEach(h -> out.append("<th style=\"").append(CELL).append("background:#eef2f7;\">").append(esc(h))
            .append("</th>"));
        out.append("</tr>\n");
        for (final PeriodRow row : item.periods()) {
            out.append("<tr>").append(td(row.periods())).append(td(row.value()));
            if (forecast) {
                out.append(td(row.forecast() == null ? "" : row.forecast()));
            }
            out.append(td(row.target())).append(td(row.volume()));
            if (margin) {
                out.append(td(row.margin() == null ? "" : row.margin()));
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        if (!item.children().isEmpty()) {
            out.append("<p style=\"margin:8px 0 0;\">").append(esc(item.childrenTitle())).append(":</p>\n")
                .append("<ul style=\"margin:4px 0 0;padding-left:20px;\">\n");
            for (final ChildRow child : item.children()) {
                out.append("<li>").append(esc(child.unit())).append(": ").append(esc(child.bad()));
                if (child.share() != null) {
                    out.append(" (").append(esc(child.share())).append(')');
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (item.casesTitle() != null) {
            out.append("<p style=\"margin:8px 0 0;\">").append(esc(item.casesTitle())).append(":</p>\n")
                .append("<ul style=\"margin:4px 0 0;padding-left:20px;\">\n");
            for (final CaseRow row : item.cases()) {
                out.append("<li>");
                if (row.link() != null) {
                    out.append("<a href=\"").append(esc(row.link())).append("\" style=\"color:#1d4ed8;\">")
                        .append(esc(row.caseId())).append("</a>");
                } else {
                    out.append(esc(row.caseId()));
                }
                out.append(esc(caseLine(row).substring(row.caseId().length()))).append("</li>\n");
            }
            if (item.casesNotShown() > 0) {
                out.append("<li>và ").append(VietnameseText.count(item.casesNotShown()))
                    .append(" hồ sơ khác (xem trên bảng điều khiển)</li>\n");
            }
            if (item.casesElsewhere() != null) {
                out.append("<li>").append(esc(item.casesElsewhere())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    /** "«HS-1»: hạn 14:00 ngày 01/12/2026, quá hạn 2,5 ngày làm việc (UBND phường Bàn Cờ)". */
    private static String caseLine(final CaseRow row) {
        final List<String> parts = new ArrayList<>();
        if (row.due() != null) {
            parts.add("hạn " + row.due());
        }
        if (row.late() != null) {
            parts.add(row.late());
        }
        final StringBuilder line = new StringBuilder(row.caseId());
        if (!parts.isEmpty()) {
            line.append(": ").append(String.join(", ", parts));
        }
        if (row.unit() != null) {
            line.append(" (").append(row.unit()).append(')');
        }
        return line.toString();
    }

    private static String td(final String text) {
        return "<td style=\"" + CELL + "\">" + esc(text) + "</td>";
    }

    /** HTML-escapes text and attribute values alike. */
    static String esc(final String text) {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
