package vn.tthc.monitor.contract.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps of EVENTS.md section 1: ISO-8601 with an offset, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * reads them. The form case systems send, {@code 2026-03-02T08:15:00[.fraction](Z|+07:00)}, is read
 * by hand (the formatter took a third of the time of parsing an event); anything else, and
 * anything the hand reading doubts, goes to the formatter, which decides.
 */
final class OffsetTimestamp {

    private static final int DATE_TIME_LENGTH = 19;
    private static final int MAX_FRACTION_DIGITS = 9;

    private OffsetTimestamp() {
    }

    /** The instant {@code text} names; throws {@link DateTimeParseException} exactly when the formatter does. */
    static Instant parse(final String text) {
        final Instant common = parseCommonForm(text);
        return common != null ? common : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The instant of a timestamp in the common form, or {@code null} when it is not in it (or not valid). */
    private static Instant parseCommonForm(final String text) {
        if (text.length() < DATE_TIME_LENGTH + 1 || !hasDateTimeShape(text)) {
            return null;
        }
        int position = DATE_TIME_LENGTH;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            final int start = ++position;
            while (position < text.length() && isDigit(text.charAt(position)) && position - start < MAX_FRACTION_DIGITS) {
                nanos = nanos * 10 + digit(text, position++);
            }
            final int digits = position - start;
            if (digits == 0) {
                return null;
            }
            for (int i = digits; i < MAX_FRACTION_DIGITS; i++) {
                nanos *= 10;
            }
        }
        final ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2), number(text, 11, 2),
                number(text, 14, 2), number(text, 17, 2), nanos).toInstant(offset);
        } catch (final DateTimeException e) {
            return null;
        }
    }

    private static boolean hasDateTimeShape(final String text) {
        for (int i = 0; i < DATE_TIME_LENGTH; i++) {
            final char c = text.charAt(i);
            final boolean expected = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> isDigit(c);
            };
            if (!expected) {
                return false;
            }
        }
        return true;
    }

    /** {@code Z} or {@code +HH:MM} / {@code -HH:MM} ending the text at {@code position}; else {@code null}. */
    private static ZoneOffset offset(final String text, final int position) {
        final int left = text.length() - position;
        if (left == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (left != 6 || text.charAt(position + 3) != ':' || !isDigit(text.charAt(position + 1))
            || !isDigit(text.charAt(position + 2)) || !isDigit(text.charAt(position + 4)) || !isDigit(text.charAt(position + 5))) {
            return null;
        }
        final char sign = text.charAt(position);
        final int hours = number(text, position + 1, 2);
        final int minutes = number(text, position + 4, 2);
        if ((sign != '+' && sign != '-') || (sign == '-' && hours == 0 && minutes == 0)) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (final DateTimeException e) {
            return null;
        }
    }

    private static int number(final String text, final int start, final int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            value = value * 10 + digit(text, i);
        }
        return value;
    }

    private static int digit(final String text, final int position) {
        return text.charAt(position) - '0';
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }
}
