package vn.tthc.monitor.notifier.message;

import java.util.regex.Pattern;

/**
 * Makes a text that comes from an event (a case, field, procedure or unit id) safe to print in a
 * plain-text mail: in goes any string, out comes one line that cannot start a new line, hide its
 * direction or be taken for a link or an address, quoted «…» and cut with "…" when long.
 */
public final class MailText {

    /** The code points of an id shown in a mail; the contract allows ids of up to 128. */
    public static final int MAX_ID_LENGTH = 64;

    private static final char REPLACEMENT = '\uFFFD';
    /** A dot before a top-level-domain-like word ("evil.com", ".gov.vn") lets mail clients make a link of it. */
    private static final Pattern DOMAIN_DOT = Pattern.compile("\\.(?=[A-Za-z]{2,}(?![A-Za-z0-9]))");

    private MailText() {
    }

    /** {@code id} quoted as «id», neutralised and cut to {@value #MAX_ID_LENGTH} code points. */
    public static String quoted(final String id) {
        return "«" + plain(id, MAX_ID_LENGTH).replace('«', '‹').replace('»', '›') + "»";
    }

    /**
     * {@code text} on one line and inert: every control, format (bidi, zero-width) and line or paragraph
     * separator character and every unpaired surrogate becomes U+FFFD; "://" becomes "[:]//", "@" "[@]",
     * "www." "www[.]" and a dot before a domain-like word "[.]"; cut to {@code maxLength} code points with "…".
     */
    public static String plain(final String text, final int maxLength) {
        if (text == null) {
            return "";
        }
        final StringBuilder out = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            final int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (kept == maxLength) {
                out.append('…');
                break;
            }
            out.appendCodePoint(inert(codePoint) ? codePoint : REPLACEMENT);
            kept++;
        }
        final String oneLine = out.toString().replace("://", "[:]//").replace("@", "[@]");
        return DOMAIN_DOT.matcher(oneLine.replaceAll("(?i)(www)\\.", "$1[.]")).replaceAll("[.]");
    }

    private static boolean inert(final int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
