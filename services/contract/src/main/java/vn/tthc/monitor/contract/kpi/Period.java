package vn.tthc.monitor.contract.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period in Asia/Ho_Chi_Minh: month {@code 2026-03}, quarter {@code 2026-Q1} or year
 * {@code 2026} (EVENTS.md section 3). {@code index} is the month (1–12), the quarter (1–4) or 1.
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {

    public enum Kind { MONTH, QUARTER, YEAR }

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4]))?");

    /** The month, quarter and year that contain {@code instant}, in that order. */
    public static List<Period> containing(final Instant instant) {
        final LocalDate date = VietnamTime.localDate(instant);
        final int month = date.getMonthValue();
        return List.of(
            new Period(Kind.MONTH, date.getYear(), month),
            new Period(Kind.QUARTER, date.getYear(), (month - 1) / 3 + 1),
            new Period(Kind.YEAR, date.getYear(), 1));
    }

    /** Parses the text form; throws {@link IllegalArgumentException} for anything else. */
    public static Period parse(final String text) {
        final Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period (2026-03, 2026-Q1 or 2026): '" + text + "'");
        }
        final int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            final int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("month out of range in '" + text + "'");
            }
            return new Period(Kind.MONTH, year, month);
        }
        if (m.group(3) != null) {
            return new Period(Kind.QUARTER, year, Integer.parseInt(m.group(3)));
        }
        return new Period(Kind.YEAR, year, 1);
    }

    /** The first local day of the period. */
    public LocalDate firstDay() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The first local day after the period. */
    public LocalDate endExclusive() {
        return switch (kind) {
            case MONTH -> firstDay().plusMonths(1);
            case QUARTER -> firstDay().plusMonths(3);
            case YEAR -> firstDay().plusYears(1);
        };
    }

    /** Whether the period is over at {@code now}. */
    public boolean hasEndedAt(final Instant now) {
        return !endExclusive().atStartOfDay(VietnamTime.ZONE).toInstant().isAfter(now);
    }

    /** {@code 2026-03}, {@code 2026-Q1} or {@code 2026}; built by hand, as it runs for every counted event. */
    @Override
    public String toString() {
        final String yearText = Integer.toString(year);
        return switch (kind) {
            case MONTH -> yearText + (index < 10 ? "-0" : "-") + index;
            case QUARTER -> yearText + "-Q" + index;
            case YEAR -> yearText;
        };
    }

    @Override
    public int compareTo(final Period other) {
        return toString().compareTo(other.toString());
    }
}
