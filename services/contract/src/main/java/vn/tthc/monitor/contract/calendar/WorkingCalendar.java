package vn.tthc.monitor.contract.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * The working days of a Vietnamese public office (ngày làm việc): Monday to Friday, except the
 * days off of the year's {@link HolidayYear} (holidays, days given back, swapped-out weekdays), plus
 * the weekend days worked in a swap, with a {@link CalendarOverride} on top.
 *
 * <p>A year is taken from its shipped file when there is one, else {@link HolidayRules#derive
 * derived from the rules} (statutory holidays and days given back, no swaps), so the calendar
 * answers for any year and never fails for lack of data.
 *
 * <p>Time is counted in whole working days of Asia/Ho_Chi_Minh, from midnight to midnight:
 * office hours (7:30–17:00 and the lunch break) are not modelled, so 24 hours of a working day are
 * 24 hours of working time, and a Saturday is none.
 */
public final class WorkingCalendar {

    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final IntFunction<HolidayYear> yearSource;
    private final CalendarOverride override;
    private final ZoneId zone;
    private final Map<Integer, YearDays> years = new ConcurrentHashMap<>();

    public WorkingCalendar(final IntFunction<HolidayYear> yearSource, final CalendarOverride override, final ZoneId zone) {
        this.yearSource = yearSource;
        this.override = override;
        this.zone = zone;
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

    /** The days off and swaps this calendar uses for {@code year}. */
    public HolidayYear year(final int year) {
        return days(year).year();
    }

    public boolean isWorkingDay(final LocalDate date) {
        if (override.workingDays().containsKey(date)) {
            return true;
        }
        if (override.daysOff().containsKey(date)) {
            return false;
        }
        // a make-up Saturday may be in the year before the holiday it pays for (27/12/2014 for 2/1/2015)
        for (int y = date.getYear() - 1; y <= date.getYear() + 1; y++) {
            final YearDays year = days(y);
            if (year.worked().contains(date)) {
                return true;
            }
            if (year.off().contains(date)) {
                return false;
            }
        }
        return !HolidayRules.isWeekend(date);
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
     * days; negative when {@code to} is before {@code from}.
     */
    public Duration workingTimeBetween(final Instant from, final Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = localDate(from); !startOf(day).isAfter(to); day = day.plusDays(1)) {
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

    /**
     * The latest instant that is {@code days} working days before {@code due}: the working time from
     * it to {@code due} is {@code days} × 24 hours. A case due Monday 08:00 after a weekend is one
     * working day from Friday 08:00; after Tết, from the same hour of the last working day before it.
     */
    public Instant minusWorkingDays(final Instant due, final int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        Duration left = Duration.ofDays(days);
        Instant cursor = due;
        int daysWithoutWork = 0;
        while (!left.isZero()) {
            final LocalDate day = localDate(cursor.minusNanos(1));
            final Instant dayStart = startOf(day);
            if (isWorkingDay(day)) {
                daysWithoutWork = 0;
                final Duration available = Duration.between(dayStart, cursor);
                if (available.compareTo(left) >= 0) {
                    return cursor.minus(left);
                }
                left = left.minus(available);
            } else if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw new IllegalStateException("no working day in the year before " + day);
            }
            cursor = dayStart;
        }
        return cursor;
    }

    private YearDays days(final int year) {
        return years.computeIfAbsent(year, y -> YearDays.of(yearSource.apply(y)));
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

    /** A year's days off and worked weekend days, computed once. */
    private record YearDays(HolidayYear year, Set<LocalDate> off, Set<LocalDate> worked) {
        static YearDays of(final HolidayYear year) {
            return new YearDays(year, Set.copyOf(year.daysOff()), Set.copyOf(year.workingWeekendDays()));
        }
    }
}
