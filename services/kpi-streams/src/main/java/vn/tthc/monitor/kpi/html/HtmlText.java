package vn.tthc.monitor.kpi.html;

/** Text put into the pages kpi-streams writes itself (the evaluation report, the corrective-action link page). */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * {@code value} escaped for (X)HTML text and attribute values; control characters other than tab and newline,
     * which XHTML (the PDF's input) does not allow, become spaces.
     */
    public static String escape(final String value) {
        final StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
