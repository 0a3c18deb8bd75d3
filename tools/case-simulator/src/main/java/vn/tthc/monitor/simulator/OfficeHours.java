package vn.tthc.monitor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.simulator.config.ProvinceConfig;

/**
 * Office time of the province: its office hours (giờ hành chính) on each working day of the
 * contract's {@link WorkingCalendar}, in Asia/Ho_Chi_Minh. Due times are counted in office time: a
 * procedure due in 3 working days is due after three days' worth of office hours, counted from
 * reception, so a case received at 9:00 and due in whole working days is due at 9:00 of a working
 * day of that calendar, as kpi-streams' due-soon watch assumes.
 */
public final class OfficeHours {

    private final List<ProvinceConfig.OfficeStretch> stretches;
    private final WorkingCalendar calendar;
    private final Duration workingDay;

    public OfficeHours(final List<ProvinceConfig.OfficeStretch> stretches, final WorkingCalendar calendar) {
        this.stretches = List.copyOf(stretches);
        this.calendar = calendar;
        this.workingDay = this.stretches.stream().map(h -> Duration.between(h.from(), h.to())).reduce(Duration.ZERO, Duration::plus);
    }

    /** The working days the office is open on. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The office hours of one working day (7 h 30 min with 7:30–11:30 and 13:30–17:00). */
    public Duration workingDay() {
        return workingDay;
    }

    /** {@code days} working days of office time (fractions allowed). */
    public Duration workingDays(final double days) {
        return Duration.ofMillis(Math.round(workingDay.toMillis() * days));
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
        LocalDate date = instant.atZone(VietnamTime.ZONE).toLocalDate();
        while (true) {
            if (calendar.isWorkingDay(date)) {
                for (final ProvinceConfig.OfficeStretch stretch : stretches) {
                    final Instant end = date.atTime(stretch.to()).atZone(VietnamTime.ZONE).toInstant();
                    if (instant.isBefore(end)) {
                        return new Interval(date.atTime(stretch.from()).atZone(VietnamTime.ZONE).toInstant(), end);
                    }
                }
            }
            date = date.plusDays(1);
        }
    }

    private record Interval(Instant start, Instant end) {
    }
}
