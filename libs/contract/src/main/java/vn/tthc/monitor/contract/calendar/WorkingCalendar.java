package vn.tthc.monitor.contract.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * The working days of a Vietnamese public office (ngày làm việc): Monday to Friday, except the
 * days off of the year's {@link HolidayYear} (holidays, days given back, swapped-out weekdays), plus
 * the weekend days worked in a swap, with a {@link CalendarOverride} on top.
 *
 * <p>A year is taken from its shipped file when there is one, else {@link HolidayRules#derive
 * derived from the rules} (statutory holidays and days given back, no swaps), so the calendar
 * answers for any year and never fails for lack of data. The calendar knows the years
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR} day by day (the contract's years 2000–2099 and a century
 * of due times after them); before and after them every Monday to Friday is a working day, counted
 * arithmetically at the UTC offset of the nearest known year. So every computation touches at most the known years between its two dates, skips
 * whole years by their totals, walks days only in its first and last year, and never throws for any
 * {@link Instant}; the cache holds at most one entry per known year.
 *
 * <p>Time is counted in whole working days of Asia/Ho_Chi_Minh, from midnight to midnight:
 * office hours (7:30–17:00 and the lunch break) are not modelled, so 24 hours of a working day are
 * 24 hours of working time, and a Saturday is none.
 */
public final class WorkingCalendar {

    /** The first year known day by day. */
    public static final int FIRST_YEAR = 2000;
    /** The last year known day by day. */
    public static final int LAST_YEAR = 2199;

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long WORKING_SECONDS_PER_WEEK = 5 * SECONDS_PER_DAY;
    /** 1970-01-01 was a Thursday: epoch day + 3 counts days from Monday 1969-12-29. */
    private static final long EPOCH_DAY_TO_MONDAY = 3;

    private final IntFunction<HolidayYear> yearSource;
    private final CalendarOverride override;
    private final ZoneId zone;
    private final Instant knownFrom;
    private final Instant knownUntil;
    /** The holiday files of the known years and the year on each side (a make-up Saturday may sit in the year before). */
    private final AtomicReferenceArray<YearSource> sources = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 3);
    private final AtomicReferenceArray<YearDays> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    public WorkingCalendar(final IntFunction<HolidayYear> yearSource, final CalendarOverride override, final ZoneId zone) {
        this.yearSource = yearSource;
        this.override = override;
        this.zone = zone;
        this.knownFrom = startOf(LocalDate.of(FIRST_YEAR, 1, 1));
        this.knownUntil = startOf(LocalDate.of(LAST_YEAR + 1, 1, 1));
    }

    /** The national calendar: shipped years, else the rules. */
    public static WorkingCalendar vietnam() {
        return vietnam(CalendarOverride.NONE);
    }

    /** The national calendar with a province's changes. */
    public static WorkingCalendar vietnam(final CalendarOverride override) {
        return new WorkingCalendar(year -> HolidayYearFile.bundled(year).orElseGet(() -> HolidayRules.VIETNAM.derive(year)),
            override, VietnamTime.ZONE);
    }

    /** The days off and swaps this calendar uses for {@code year} (from the source, uncached, outside the known years). */
    public HolidayYear year(final int year) {
        return isKnown(year) ? source(year).year() : yearSource.apply(year);
    }

    /** Whether {@code date} is worked; outside the known years, whether it is Monday to Friday. */
    public boolean isWorkingDay(final LocalDate date) {
        if (!isKnown(date.getYear())) {
            return !HolidayRules.isWeekend(date);
        }
        return days(date.getYear()).working().get(date.getDayOfYear() - 1);
    }

    /** The working day {@code days} working days after {@code date} (before it when negative); {@code date} itself for 0. */
    public LocalDate plusWorkingDays(final LocalDate date, final int days) {
        final int step = days < 0 ? -1 : 1;
        LocalDate day = date;
        for (int left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** How many working days there are from {@code from} (included) to {@code to} (excluded); negative when {@code to} is before. */
    public int workingDaysBetween(final LocalDate from, final LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        return (int) from.datesUntil(to).filter(this::isWorkingDay).count();
    }

    /**
     * The working time from {@code from} to {@code to}: the part of the interval that lies in working
     * days; negative when {@code to} is before {@code from}. Bounded work for any two instants.
     */
    public Duration workingTimeBetween(final Instant from, final Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        if (from.isBefore(knownFrom)) {
            total = total.plus(weekdayTime(from, min(to, knownFrom), offsetAt(knownFrom)));
        }
        final Instant start = max(from, knownFrom);
        final Instant end = min(to, knownUntil);
        if (start.isBefore(end)) {
            total = total.plus(knownTime(start, end));
        }
        if (to.isAfter(knownUntil)) {
            total = total.plus(weekdayTime(max(from, knownUntil), to, offsetAt(knownUntil)));
        }
        return total;
    }

    /**
     * The latest instant that is {@code days} working days before {@code due}: the working time from
     * it to {@code due} is {@code days} × 24 hours. A case due Monday 08:00 after a weekend is one
     * working day from Friday 08:00; after Tết, from the same hour of the last working day before it.
     * {@link Instant#MIN} when that lies before the earliest instant.
     */
    public Instant minusWorkingDays(final Instant due, final int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        Duration left = Duration.ofDays(days);
        Instant cursor = due;
        if (cursor.isAfter(knownUntil)) {
            final Duration available = weekdayTime(knownUntil, cursor, offsetAt(knownUntil));
            if (available.compareTo(left) >= 0) {
                return minusWeekdayTime(cursor, left, offsetAt(knownUntil));
            }
            left = left.minus(available);
            cursor = knownUntil;
        }
        while (!left.isZero() && cursor.isAfter(knownFrom)) {
            final LocalDate day = localDate(cursor.minusNanos(1));
            final Instant dayStart = startOf(day);
            final Duration wholeYear = days(day.getYear()).workingTime();
            if (day.getDayOfYear() == day.lengthOfYear() && cursor.equals(startOf(day.plusDays(1)))
                && wholeYear.compareTo(left) < 0) {
                // a whole year that does not reach the target is skipped by its total
                left = left.minus(wholeYear);
                cursor = startOf(day.withDayOfYear(1));
                continue;
            }
            if (isWorkingDay(day)) {
                final Duration available = Duration.between(dayStart, cursor);
                if (available.compareTo(left) >= 0) {
                    return cursor.minus(left);
                }
                left = left.minus(available);
            }
            cursor = dayStart;
        }
        return left.isZero() ? cursor : minusWeekdayTime(cursor, left, offsetAt(knownFrom));
    }

    /** The working time between two instants of the known years: days walked in the first and last year, whole years added. */
    private Duration knownTime(final Instant from, final Instant to) {
        final LocalDate first = localDate(from);
        final LocalDate last = localDate(to);
        if (first.getYear() == last.getYear()) {
            return walk(first, last, from, to);
        }
        Duration total = walk(first, LocalDate.of(first.getYear(), 12, 31), from, to);
        for (int y = first.getYear() + 1; y < last.getYear(); y++) {
            total = total.plus(days(y).workingTime());
        }
        return total.plus(walk(LocalDate.of(last.getYear(), 1, 1), last, from, to));
    }

    /** The working time of the days {@code first} to {@code last} (both in one year) that lies between {@code from} and {@code to}. */
    private Duration walk(final LocalDate first, final LocalDate last, final Instant from, final Instant to) {
        Duration total = Duration.ZERO;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                final Instant start = max(from, startOf(day));
                final Instant end = min(to, startOf(day.plusDays(1)));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Monday-to-Friday time between two instants at a fixed offset, by arithmetic. */
    private static Duration weekdayTime(final Instant from, final Instant to, final ZoneOffset offset) {
        return weekdaySecondsUntil(to, offset).minus(weekdaySecondsUntil(from, offset));
    }

    /** Monday-to-Friday time from Monday 1969-12-29 00:00 (local) to {@code instant}; negative before it. */
    private static Duration weekdaySecondsUntil(final Instant instant, final ZoneOffset offset) {
        final long local = instant.getEpochSecond() + offset.getTotalSeconds();
        final long day = Math.floorDiv(local, SECONDS_PER_DAY) + EPOCH_DAY_TO_MONDAY;
        final long weekday = Math.floorMod(day, 7);
        final long weeks = Math.floorDiv(day, 7);
        final long seconds = weeks * WORKING_SECONDS_PER_WEEK + Math.min(weekday, 5) * SECONDS_PER_DAY;
        return weekday < 5
            ? Duration.ofSeconds(seconds + Math.floorMod(local, SECONDS_PER_DAY), instant.getNano())
            : Duration.ofSeconds(seconds);
    }

    /** The latest instant with {@code length} of Monday-to-Friday time between it and {@code instant}; {@link Instant#MIN} at the least. */
    private static Instant minusWeekdayTime(final Instant instant, final Duration length, final ZoneOffset offset) {
        final Duration target = weekdaySecondsUntil(instant, offset).minus(length);
        final long weeks = Math.floorDiv(target.getSeconds(), WORKING_SECONDS_PER_WEEK);
        final long inWeek = Math.floorMod(target.getSeconds(), WORKING_SECONDS_PER_WEEK);
        // a target at a week's start is reached all weekend long: the latest is Monday 00:00, or the
        // instant itself when it lies in that weekend (a length of zero from a Saturday is that Saturday)
        final long local = (weeks * 7 - EPOCH_DAY_TO_MONDAY) * SECONDS_PER_DAY + inWeek;
        final long epochSecond = local - offset.getTotalSeconds();
        return epochSecond < Instant.MIN.getEpochSecond() ? Instant.MIN
            : min(instant, Instant.ofEpochSecond(epochSecond, target.getNano()));
    }

    private YearDays days(final int year) {
        final int index = year - FIRST_YEAR;
        final YearDays known = years.get(index);
        if (known != null) {
            return known;
        }
        years.compareAndSet(index, null, yearDays(year));
        return years.get(index);
    }

    private YearSource source(final int year) {
        final int index = year - FIRST_YEAR + 1;
        final YearSource known = sources.get(index);
        if (known != null) {
            return known;
        }
        sources.compareAndSet(index, null, YearSource.of(yearSource.apply(year)));
        return sources.get(index);
    }

    /** A known year's working days and working time, worked out once from the files of the year and the years around it. */
    private YearDays yearDays(final int year) {
        final LocalDate first = LocalDate.of(year, 1, 1);
        final BitSet working = new BitSet(first.lengthOfYear());
        Duration time = Duration.ZERO;
        for (LocalDate day = first; day.getYear() == year; day = day.plusDays(1)) {
            if (worked(day)) {
                working.set(day.getDayOfYear() - 1);
                time = time.plus(Duration.between(startOf(day), startOf(day.plusDays(1))));
            }
        }
        return new YearDays(working, time);
    }

    private boolean worked(final LocalDate date) {
        if (override.workingDays().containsKey(date)) {
            return true;
        }
        if (override.daysOff().containsKey(date)) {
            return false;
        }
        // a make-up Saturday may be in the year before the holiday it pays for (27/12/2014 for 2/1/2015)
        for (int y = date.getYear() - 1; y <= date.getYear() + 1; y++) {
            if (y >= FIRST_YEAR - 1 && y <= LAST_YEAR + 1) {
                final YearSource source = source(y);
                if (source.worked().contains(date)) {
                    return true;
                }
                if (source.off().contains(date)) {
                    return false;
                }
            }
        }
        return !HolidayRules.isWeekend(date);
    }

    private static boolean isKnown(final int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private ZoneOffset offsetAt(final Instant instant) {
        return zone.getRules().getOffset(instant);
    }

    private LocalDate localDate(final Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant startOf(final LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant max(final Instant a, final Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(final Instant a, final Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One year's holiday file as sets, read once. */
    private record YearSource(HolidayYear year, Set<LocalDate> off, Set<LocalDate> worked) {
        static YearSource of(final HolidayYear year) {
            return new YearSource(year, Set.copyOf(year.daysOff()), Set.copyOf(year.workingWeekendDays()));
        }
    }

    /** A known year's working days (by day of year, from 0) and their working time. */
    private record YearDays(BitSet working, Duration workingTime) {
    }
}
