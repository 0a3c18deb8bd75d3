package vn.tthc.monitor.contract.event;

import java.text.Normalizer;

/**
 * The identifier rule of EVENTS.md section 1 (v2): a string goes in, what breaks the rule (or nothing)
 * comes out. 1 to 128 code points, NFC, no control character (U+0000–U+001F, U+007F–U+009F), no line or
 * paragraph separator, no unpaired surrogate, no white space ({@link #isWhiteSpace}) at either end.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    /** How many code points of a value a reason quotes. */
    private static final int QUOTED_LENGTH = 40;

    private Identifiers() {
    }

    /**
     * What makes {@code text} not an identifier, e.g. {@code "must not end with white space (U+0020)"};
     * {@code null} when it is one. ASCII text, the usual case, is checked without {@link Normalizer}.
     */
    public static String problem(final String text) {
        if (text.isEmpty()) {
            return "must not be empty";
        }
        // more UTF-16 units than twice the limit is more code points than the limit: no need to read it all
        if (text.length() > 2 * MAX_LENGTH) {
            return tooLong(text);
        }
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c < 0x20 || c == 0x7F) {
                return "must not contain the control character " + codePoint(c) + " (at character " + (i + 1) + ")";
            }
        }
        if (ascii) {
            return asciiProblem(text);
        }
        return unicodeProblem(text);
    }

    private static String asciiProblem(final String text) {
        if (text.length() > MAX_LENGTH) {
            return tooLong(text);
        }
        if (text.charAt(0) == ' ') {
            return "must not start with white space (U+0020)";
        }
        if (text.charAt(text.length() - 1) == ' ') {
            return "must not end with white space (U+0020)";
        }
        return null;
    }

    private static String unicodeProblem(final String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            final int c = text.codePointAt(i);
            count++;
            if (isControl(c)) {
                return "must not contain the control character " + codePoint(c) + " (at character " + count + ")";
            }
            if (c == 0x2028 || c == 0x2029) {
                return "must not contain the " + (c == 0x2028 ? "line" : "paragraph") + " separator " + codePoint(c)
                    + " (at character " + count + ")";
            }
            if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
                return "must not contain the unpaired surrogate " + codePoint(c) + " (at character " + count + ")";
            }
            i += Character.charCount(c);
        }
        if (count > MAX_LENGTH) {
            return tooLong(text);
        }
        final int first = text.codePointAt(0);
        if (isWhiteSpace(first)) {
            return "must not start with white space (" + codePoint(first) + ")";
        }
        final int last = text.codePointBefore(text.length());
        if (isWhiteSpace(last)) {
            return "must not end with white space (" + codePoint(last) + ")";
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return "must be in Unicode normalisation form NFC";
        }
        return null;
    }

    /**
     * White space for the identifier rule: what {@link Character#isWhitespace} or {@link Character#isSpaceChar}
     * calls white space, i.e. the space, line and paragraph separators of Unicode (Zs, Zl, Zp: U+0020, U+00A0,
     * U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and the controls U+0009–U+000D,
     * U+001C–U+001F. Format characters such as U+200B and U+FEFF are not white space.
     */
    public static boolean isWhiteSpace(final int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** A control character of the rule: U+0000–U+001F or U+007F–U+009F. */
    public static boolean isControl(final int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /**
     * {@code text} for a reason, between single quotes: at most 40 code points (then {@code …} and the length),
     * with control characters, separators, unpaired surrogates and white space other than U+0020 written as
     * {@code \}{@code uXXXX}, so that a reason is one short line whatever the value held.
     */
    public static String quote(final String text) {
        return quote(text, QUOTED_LENGTH);
    }

    /** {@code text} as {@link #quote(String)} writes it, cut to {@code maxLength} code points. */
    public static String quote(final String text, final int maxLength) {
        final StringBuilder quoted = new StringBuilder(Math.min(text.length(), 2 * maxLength) + 2).append('\'');
        int count = 0;
        int i = 0;
        while (i < text.length() && count < maxLength) {
            final int c = text.codePointAt(i);
            if (c != ' ' && (isControl(c) || isWhiteSpace(c) || (c <= 0xFFFF && Character.isSurrogate((char) c))
                || c == '\\')) {
                quoted.append(c == '\\' ? "\\\\" : String.format("\\u%04X", c));
            } else {
                quoted.appendCodePoint(c);
            }
            count++;
            i += Character.charCount(c);
        }
        quoted.append('\'');
        if (i < text.length()) {
            quoted.append("… (").append(text.codePointCount(0, text.length())).append(" characters)");
        }
        return quoted.toString();
    }

    private static String tooLong(final String text) {
        return "must be 1 to " + MAX_LENGTH + " characters (code points) long, was "
            + text.codePointCount(0, text.length());
    }

    private static String codePoint(final int c) {
        return String.format("U+%04X", c);
    }
}
