package vn.tthc.monitor.endtoend;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text written by hand from maps, lists, strings, numbers, booleans and {@code null}, so that a test controls
 * every byte a producer sends: control characters and lone surrogates are always escaped ({@code \}{@code uD800}, the
 * only way to carry one in UTF-8), other characters only when asked; a {@link Raw} goes in as it is.
 */
final class JsonText {

    /** JSON text inserted as it is: a number of 100,000 digits, a duplicate key, a broken fragment. */
    record Raw(String json) {
    }

    private JsonText() {
    }

    static String of(final Object value) {
        return of(value, false);
    }

    /** {@code escapeNonAscii}: every character above U+007E as {@code \}{@code uXXXX}, as some producers write. */
    static String of(final Object value, final boolean escapeNonAscii) {
        final StringBuilder json = new StringBuilder();
        write(json, value, escapeNonAscii);
        return json.toString();
    }

    private static void write(final StringBuilder json, final Object value, final boolean escapeNonAscii) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Raw raw) {
            json.append(raw.json());
        } else if (value instanceof String text) {
            string(json, text, escapeNonAscii);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
            || value instanceof BigInteger || value instanceof BigDecimal) {
            json.append(value);
        } else if (value instanceof Double number) {
            json.append(number.isNaN() || number.isInfinite() ? "0" : number.toString());
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (final Map.Entry<?, ?> field : map.entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                string(json, field.getKey().toString(), escapeNonAscii);
                json.append(':');
                write(json, field.getValue(), escapeNonAscii);
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(json, list.get(i), escapeNonAscii);
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("no JSON for " + value.getClass());
        }
    }

    private static void string(final StringBuilder json, final String text, final boolean escapeNonAscii) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean loneSurrogate = Character.isHighSurrogate(c)
                ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || loneSurrogate || escapeNonAscii && c > 0x7E) {
                json.append(String.format("\\u%04X", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
