package vn.tthc.monitor.contract.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statutory rules for days off (Bộ luật Lao động 2019): the holidays of Article 112(1), with
 * the lunar ones computed for Vietnam (UTC+7), and Article 111(3): a holiday on a weekly rest day
 * is given back on a working day. From them it derives a year that has no published schedule, and
 * checks that a year's file places every holiday where the law puts it.
 *
 * <p>Where the law leaves a choice to the government, a derived year takes the choice it has made
 * in recent years: Tết is the last day of the old year and mùng 1 to mùng 4, and a Tết day on a
 * Saturday is given back on the working day before the holiday, one on a Sunday on the working day
 * after it (as in 2020 and 2023); the second National Day holiday is 1 September when 2 September is
 * a Tuesday, Wednesday, Friday or Saturday, else 3 September (as 2021–2026 were). Every other
 * holiday on a weekend is given back on the next working day. A derived year has no swaps: those
 * are decided each year.
 */
public final class HolidayRules {

    /** The rules with Vietnam's lunar calendar. */
    public static final HolidayRules VIETNAM = new HolidayRules(LunarCalendar.VIETNAM);

    private static final int TET_DAYS = 5;
    /** How far from its holiday a day given back may be (Tết's two weekend days may be given back a week apart). */
    private static final int MAX_COMPENSATION_DISTANCE = 7;

    private final LunarCalendar lunar;

    public HolidayRules(final LunarCalendar lunar) {
        this.lunar = lunar;
    }

    public static boolean isWeekend(final LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Mùng 1 Tết of the lunar year that begins in {@code year}. */
    public LocalDate lunarNewYear(final int year) {
        return lunar.newYear(year);
    }

    /** Giỗ Tổ Hùng Vương: 10 tháng 3 âm lịch. */
    public LocalDate hungKingsDay(final int year) {
        return lunar.toSolar(LunarDate.of(year, 3, 10));
    }

    /** The year's days off from the rules alone, with no swaps. */
    public HolidayYear derive(final int year) {
        final Map<Holiday, List<LocalDate>> holidays = new EnumMap<>(Holiday.class);
        holidays.put(Holiday.NEW_YEAR, List.of(LocalDate.of(year, 1, 1)));
        final LocalDate tet = lunarNewYear(year);
        holidays.put(Holiday.LUNAR_NEW_YEAR, days(tet.minusDays(1), TET_DAYS));
        holidays.put(Holiday.HUNG_KINGS, List.of(hungKingsDay(year)));
        holidays.put(Holiday.REUNIFICATION_DAY, List.of(LocalDate.of(year, 4, 30)));
        holidays.put(Holiday.LABOUR_DAY, List.of(LocalDate.of(year, 5, 1)));
        final LocalDate nationalDay = LocalDate.of(year, 9, 2);
        final LocalDate secondDay = nationalDaySecondDay(nationalDay);
        holidays.put(Holiday.NATIONAL_DAY, secondDay.isBefore(nationalDay)
            ? List.of(secondDay, nationalDay) : List.of(nationalDay, secondDay));
        return new HolidayYear(year, HolidayYear.Status.DERIVED,
            List.of("Bộ luật Lao động 2019, Điều 111 khoản 3 và Điều 112 khoản 1 (derived by HolidayRules)"),
            holidays, compensations(holidays), List.of());
    }

    /** What in {@code year} contradicts the rules; empty when it follows them. */
    public List<String> check(final HolidayYear year) {
        final List<String> problems = new ArrayList<>();
        final int y = year.year();
        for (final Holiday holiday : Holiday.values()) {
            if (!year.holidays().containsKey(holiday)) {
                problems.add(holiday + " is missing");
            }
        }
        expect(year, Holiday.NEW_YEAR, List.of(List.of(LocalDate.of(y, 1, 1))), problems);
        final LocalDate tet = lunarNewYear(y);
        expect(year, Holiday.LUNAR_NEW_YEAR, List.of(days(tet.minusDays(2), TET_DAYS), days(tet.minusDays(1), TET_DAYS)),
            problems);
        expect(year, Holiday.HUNG_KINGS, List.of(List.of(hungKingsDay(y))), problems);
        expect(year, Holiday.REUNIFICATION_DAY, List.of(List.of(LocalDate.of(y, 4, 30))), problems);
        expect(year, Holiday.LABOUR_DAY, List.of(List.of(LocalDate.of(y, 5, 1))), problems);
        expect(year, Holiday.NATIONAL_DAY,
            List.of(List.of(LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 2)), List.of(LocalDate.of(y, 9, 2), LocalDate.of(y, 9, 3))),
            problems);
        checkCompensations(year, problems);
        checkSwaps(year, problems);
        return problems;
    }

    private static void expect(final HolidayYear year, final Holiday holiday, final Collection<List<LocalDate>> allowed,
                               final List<String> problems) {
        final List<LocalDate> dates = year.holidays().get(holiday);
        if (dates != null && !allowed.contains(dates.stream().sorted().toList())) {
            problems.add(holiday + " is " + dates + "; the rules allow " + String.join(" or ",
                allowed.stream().map(List::toString).toList()));
        }
    }

    private static void checkCompensations(final HolidayYear year, final List<String> problems) {
        final Set<LocalDate> holidays = year.holidayDates();
        final Set<LocalDate> onWeekends = new HashSet<>(holidays.stream().filter(HolidayRules::isWeekend).toList());
        final Set<LocalDate> given = new HashSet<>();
        final Set<LocalDate> replaced = new HashSet<>();
        for (final HolidayYear.Compensation day : year.compensatory()) {
            if (!onWeekends.contains(day.replacing())) {
                problems.add("day off " + day.date() + " gives back " + day.replacing() + ", which is no holiday on a weekend");
            }
            if (!replaced.add(day.replacing())) {
                problems.add(day.replacing() + " is given back twice");
            }
            if (isWeekend(day.date()) || holidays.contains(day.date()) || !given.add(day.date())) {
                problems.add("day off " + day.date() + " (for " + day.replacing() + ") is not a working day otherwise");
            }
            if (Math.abs(ChronoUnit.DAYS.between(day.replacing(), day.date())) > MAX_COMPENSATION_DISTANCE) {
                problems.add("day off " + day.date() + " is more than a week from " + day.replacing());
            }
        }
        onWeekends.removeAll(replaced);
        onWeekends.stream().sorted().forEach(date -> problems.add("holiday " + date + " falls on a "
            + date.getDayOfWeek() + " and is not given back"));
    }

    private static void checkSwaps(final HolidayYear year, final List<String> problems) {
        final Set<LocalDate> off = new HashSet<>(year.holidayDates());
        year.compensatory().forEach(day -> off.add(day.date()));
        for (final HolidayYear.Swap swap : year.swaps()) {
            if (isWeekend(swap.dayOff()) || !off.add(swap.dayOff())) {
                problems.add("swapped day off " + swap.dayOff() + " is not a working day otherwise");
            }
            if (!isWeekend(swap.workingDay())) {
                problems.add("make-up day " + swap.workingDay() + " is not a weekend day");
            }
        }
        if (year.workingWeekendDays().size() != year.swaps().size()) {
            problems.add("a make-up day is used by two swaps");
        }
        for (final LocalDate date : year.daysOff()) {
            if (date.getYear() != year.year()) {
                problems.add("day off " + date + " is not in " + year.year());
            }
        }
    }

    private static LocalDate nationalDaySecondDay(final LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case TUESDAY, WEDNESDAY, FRIDAY, SATURDAY -> nationalDay.minusDays(1);
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
        };
    }

    /** Days given back for the holidays on a weekend, in date order, each on the first working day not already off. */
    private static List<HolidayYear.Compensation> compensations(final Map<Holiday, List<LocalDate>> holidays) {
        final Map<LocalDate, Holiday> byDate = new TreeMap<>();
        holidays.forEach((holiday, dates) -> dates.forEach(date -> byDate.put(date, holiday)));
        final Set<LocalDate> off = new HashSet<>(byDate.keySet());
        final List<HolidayYear.Compensation> given = new ArrayList<>();
        byDate.forEach((date, holiday) -> {
            if (!isWeekend(date)) {
                return;
            }
            final int step = holiday == Holiday.LUNAR_NEW_YEAR && date.getDayOfWeek() == DayOfWeek.SATURDAY ? -1 : 1;
            LocalDate day = date.plusDays(step);
            while (isWeekend(day) || off.contains(day)) {
                day = day.plusDays(step);
            }
            off.add(day);
            given.add(new HolidayYear.Compensation(day, date));
        });
        return given;
    }

    private static List<LocalDate> days(final LocalDate first, final int count) {
        return first.datesUntil(first.plusDays(count)).toList();
    }
}
