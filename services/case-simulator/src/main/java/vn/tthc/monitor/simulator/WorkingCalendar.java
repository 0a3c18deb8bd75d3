package vn.tthc.monitor.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import vn.tthc.monitor.simulator.config.ProvinceConfig;

/**
 * Office time of the province: the office hours of each working day that is not a holiday, in
 * Asia/Ho_Chi_Minh. Due times are counted in office time: a procedure due in 3 working days
 * is due after three days' worth of office hours, counted from reception.
 */
public final class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<ProvinceConfig.OfficeHours> officeHours;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays;
    private final Duration workingDay;

    public WorkingCalendar(final ProvinceConfig config) {
        this.officeHours = List.copyOf(config.officeHours());
        this.workingDays = Set.copyOf(config.workingDays());
        this.holidays = config.holidays() == null ? Set.of() : Set.copyOf(config.holidays());
        this.workingDay = officeHours.stream().map(h -> Duration.between(h.from(), h.to())).reduce(Duration.ZERO, Duration::plus);
    }

    /** The office hours of one working day (7 h 30 min with 7:30–11:30 and 13:30–17:00). */
    public Duration workingDay() {
        return workingDay;
    }

    /** {@code days} working days of office time (fractions allowed). */
    public Duration workingDays(final double days) {
        return Duration.ofMillis(Math.round(workingDay.toMillis() * days));
    }

    public boolean isWorkingDay(final LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The instant at which {@code amount} of office time has passed since {@code from}. */
    public Instant plusWorkingTime(final Instant from, final Duration amount) {
        Interval interval = intervalAtOrAfter(from);
        Instant cursor = from.isAfter(interval.start()) ? from : interval.start();
        Duration remaining = amount;
        while (true) {
            final Duration left = Duration.between(cursor, interval.end());
            if (remaining.compareTo(left) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(left);
            interval = intervalAtOrAfter(interval.end());
            cursor = interval.start();
        }
    }

    /** The office time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(final Instant from, final Instant to) {
        Duration total = Duration.ZERO;
        Interval interval = intervalAtOrAfter(from);
        while (interval.start().isBefore(to)) {
            final Instant start = from.isAfter(interval.start()) ? from : interval.start();
            final Instant end = to.isBefore(interval.end()) ? to : interval.end();
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
            interval = intervalAtOrAfter(interval.end());
        }
        return total;
    }

    /** The stretch of office hours that contains {@code instant}, or else the next one. */
    private Interval intervalAtOrAfter(final Instant instant) {
        LocalDate date = instant.atZone(ZONE).toLocalDate();
        while (true) {
            if (isWorkingDay(date)) {
                for (final ProvinceConfig.OfficeHours hours : officeHours) {
                    final Instant end = date.atTime(hours.to()).atZone(ZONE).toInstant();
                    if (instant.isBefore(end)) {
                        return new Interval(date.atTime(hours.from()).atZone(ZONE).toInstant(), end);
                    }
                }
            }
            date = date.plusDays(1);
        }
    }

    private record Interval(Instant start, Instant end) {
    }
}
