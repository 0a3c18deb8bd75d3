package vn.tthc.monitor.monitoring;

/**
 * The signal of an alert rule's expression: what stands before its first top-level comparison, as in
 * {@code tthc_pipeline_lag_records} of {@code tthc_pipeline_lag_records > 1000}. A healthy system gives an alert
 * expression no result, but its signal must have data, or the rule watches a series that does not exist.
 */
public final class AlertSignal {

    private AlertSignal() {
    }

    /** The expression before its first comparison outside brackets, braces, parentheses and strings; the whole expression without one. */
    public static String of(final String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            final char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (depth == 0 && isComparison(expression, i)) {
                return expression.substring(0, i).trim();
            }
        }
        return expression.trim();
    }

    private static boolean isComparison(final String expression, final int at) {
        final char c = expression.charAt(at);
        final char next = at + 1 < expression.length() ? expression.charAt(at + 1) : 0;
        return c == '>' || c == '<' || (c == '=' && next == '=') || (c == '!' && next == '=');
    }
}
