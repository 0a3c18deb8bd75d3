package vn.tthc.monitor.contract.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period in Asia/Ho_Chi_Minh: month {@code 2026-03}, quarter {@code 2026-Q1}, half-year
 * {@code 2026-H1} or year {@code 2026} (EVENTS.md section 3, v2). {@code index} is the month (1–12), the
 * quarter (1–4), the half (1–2) or 1. Years have four digits, 0000 to 9999, in the text form and here.
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {

    public enum Kind {
        MONTH(12), QUARTER(4), HALF_YEAR(2), YEAR(1);

        private final int count;

        Kind(final int count) {
            this.count = count;
        }

        /** How many periods of this kind a year has: the largest index. */
        public int perYear() {
            return count;
        }

        /** How many months one period of this kind lasts. */
        int months() {
            return 12 / count;
        }
    }

    public static final int MAX_YEAR = 9999;

    private static final Pattern TEXT = Pattern.compile("([0-9]{4})(?:-([0-9]{2})|-Q([0-9])|-H([0-9]))?");

    public Period {
        if (kind == null || year < 0 || year > MAX_YEAR || index < 1 || index > kind.perYear()) {
            throw new IllegalArgumentException("no such period: " + kind + " " + index + " of year " + year);
        }
    }

    /** The month, quarter, half-year and year that contain {@code instant}, in that order. */
    public static List<Period> containing(final Instant instant) {
        final LocalDate date = VietnamTime.localDate(instant);
        final int month = date.getMonthValue();
        return List.of(
            new Period(Kind.MONTH, date.getYear(), month),
            new Period(Kind.QUARTER, date.getYear(), (month - 1) / 3 + 1),
            new Period(Kind.HALF_YEAR, date.getYear(), (month - 1) / 6 + 1),
            new Period(Kind.YEAR, date.getYear(), 1));
    }

    /** Parses the text form, four-digit year included; throws {@link IllegalArgumentException} for anything else. */
    public static Period parse(final String text) {
        final Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period (2026-03, 2026-Q1, 2026-H1 or 2026): '" + text + "'");
        }
        final int year = Integer.parseInt(m.group(1));
        final Kind kind = m.group(2) != null ? Kind.MONTH
            : m.group(3) != null ? Kind.QUARTER
            : m.group(4) != null ? Kind.HALF_YEAR
            : Kind.YEAR;
        final String index = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        final int number = index == null ? 1 : Integer.parseInt(index);
        if (number < 1 || number > kind.perYear()) {
            throw new IllegalArgumentException("not a period: " + kind.name().toLowerCase(Locale.ROOT)
                + " out of range in '" + text + "'");
        }
        return new Period(kind, year, number);
    }

    /** The first local day of the period. */
    public LocalDate firstDay() {
        return LocalDate.of(year, (index - 1) * kind.months() + 1, 1);
    }

    /** The first local day after the period. */
    public LocalDate endExclusive() {
        return firstDay().plusMonths(kind.months());
    }

    /** The instant the period ends: the start of its first local day after it, in Asia/Ho_Chi_Minh. */
    public Instant end() {
        return endExclusive().atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    /** Whether the period is over at {@code now}. */
    public boolean hasEndedAt(final Instant now) {
        return !end().isAfter(now);
    }

    /** {@code 2026-03}, {@code 2026-Q1}, {@code 2026-H1} or {@code 2026}; built by hand, as it runs for every counted event. */
    @Override
    public String toString() {
        final String yearText = year >= 1000 ? Integer.toString(year)
            : year >= 100 ? "0" + year : year >= 10 ? "00" + year : "000" + year;
        return switch (kind) {
            case MONTH -> yearText + (index < 10 ? "-0" : "-") + index;
            case QUARTER -> yearText + "-Q" + index;
            case HALF_YEAR -> yearText + "-H" + index;
            case YEAR -> yearText;
        };
    }

    @Override
    public int compareTo(final Period other) {
        return toString().compareTo(other.toString());
    }
}
