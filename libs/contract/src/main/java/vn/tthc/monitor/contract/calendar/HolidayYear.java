package vn.tthc.monitor.contract.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days off and make-up working days of one year for cán bộ, công chức, viên chức who rest on
 * Saturdays and Sundays: the statutory holidays as the government placed them, the days off given
 * back for holidays that fell on a weekend (nghỉ bù) and the swaps of a working day for a weekend
 * day (hoán đổi ngày làm việc, làm bù).
 *
 * @param year         the solar year
 * @param status       published by the government, or derived from the rules before it was
 * @param sources      the documents the days come from (number, date, address)
 * @param holidays     each statutory holiday's dates, weekend dates included
 * @param compensatory the days off given back for holidays on a weekend
 * @param swaps        working days moved to a weekend day
 */
public record HolidayYear(int year, Status status, List<String> sources, Map<Holiday, List<LocalDate>> holidays,
                          List<Compensation> compensatory, List<Swap> swaps) {

    /** Where a year's days come from. */
    public enum Status {
        /** As the government published them for civil servants. */
        PUBLISHED,
        /** Computed from the statutory rules alone, before (or without) a published schedule: no swaps. */
        DERIVED
    }

    /** {@code date} is a day off given back for the holiday {@code replacing}, which fell on a weekend. */
    public record Compensation(LocalDate date, LocalDate replacing) {
    }

    /** {@code dayOff} (a weekday) is not worked, {@code workingDay} (a weekend day) is worked instead. */
    public record Swap(LocalDate dayOff, LocalDate workingDay) {
    }

    public HolidayYear {
        sources = List.copyOf(sources);
        final Map<Holiday, List<LocalDate>> byHoliday = new EnumMap<>(Holiday.class);
        holidays.forEach((holiday, dates) -> byHoliday.put(holiday, List.copyOf(dates)));
        holidays = Collections.unmodifiableMap(byHoliday);
        compensatory = List.copyOf(compensatory);
        swaps = List.copyOf(swaps);
    }

    /** Every date a statutory holiday falls on, weekends included. */
    public Set<LocalDate> holidayDates() {
        final Set<LocalDate> dates = new TreeSet<>();
        holidays.values().forEach(dates::addAll);
        return dates;
    }

    /** The days not worked besides ordinary weekends: holidays, days given back and swapped-out weekdays. */
    public Set<LocalDate> daysOff() {
        final Set<LocalDate> off = holidayDates();
        compensatory.forEach(day -> off.add(day.date()));
        swaps.forEach(swap -> off.add(swap.dayOff()));
        return off;
    }

    /** The weekend days that are worked (make-up days). */
    public Set<LocalDate> workingWeekendDays() {
        final Set<LocalDate> working = new TreeSet<>();
        swaps.forEach(swap -> working.add(swap.workingDay()));
        return working;
    }
}
