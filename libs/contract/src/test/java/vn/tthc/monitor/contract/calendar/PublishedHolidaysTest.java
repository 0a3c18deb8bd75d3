package vn.tthc.monitor.contract.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * The shipped years give exactly the days off and make-up days the government published for civil
 * servants. The expected dates are written out here from the announcements, not computed.
 */
class PublishedHolidaysTest {

    private final WorkingCalendar calendar = WorkingCalendar.vietnam();

    /**
     * 2025. Công văn 8726/VPCP-KGVX and Thông báo 6150/TB-LĐTBXH (2024): Tết 25/01–02/02 (five Tết days
     * 27–31/01, no swap); Giỗ Tổ Monday 07/04; 30/04–04/05 with Friday 02/05 worked on Saturday 26/04;
     * Quốc khánh 30/08–02/09 (01/09 the adjacent day).
     */
    @Test
    void daysOffOf2025AreThePublishedOnes() {
        assertThat(weekdaysOff(2025)).containsExactlyElementsOf(dates(
            "2025-01-01",
            "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
            "2025-04-07",
            "2025-04-30", "2025-05-01", "2025-05-02",
            "2025-09-01", "2025-09-02"));
        assertThat(weekendDaysWorked(2025)).containsExactlyElementsOf(dates("2025-04-26"));
        assertThat(calendar.year(2025).status()).isEqualTo(HolidayYear.Status.PUBLISHED);
    }

    /**
     * 2026. Công văn 12729/VPCP-KGVX (25/12/2025): 01–04/01 with Friday 02/01 worked on Saturday 10/01.
     * Thông báo 9441/TB-BNV (16/10/2025): Tết 14–22/02 (five Tết days 16–20/02, no swap); Quốc khánh
     * 29/08–02/09 with Monday 31/08 worked on Saturday 22/08. Giỗ Tổ Sunday 26/04, given back Monday 27/04;
     * 30/04 and 01/05 are Thursday and Friday.
     */
    @Test
    void daysOffOf2026AreThePublishedOnes() {
        assertThat(weekdaysOff(2026)).containsExactlyElementsOf(dates(
            "2026-01-01", "2026-01-02",
            "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-27",
            "2026-04-30", "2026-05-01",
            "2026-08-31", "2026-09-01", "2026-09-02"));
        assertThat(weekendDaysWorked(2026)).containsExactlyElementsOf(dates("2026-01-10", "2026-08-22"));
        assertThat(calendar.year(2026).status()).isEqualTo(HolidayYear.Status.PUBLISHED);
    }

    /** 2027 is not published yet: the file is the rules' derivation, said to be so. */
    @Test
    void daysOffOf2027AreDerivedFromTheRules() {
        final HolidayYear year = calendar.year(2027);
        assertThat(year.status()).isEqualTo(HolidayYear.Status.DERIVED);
        final HolidayYear derived = HolidayRules.VIETNAM.derive(2027);
        assertThat(year.holidays()).isEqualTo(derived.holidays());
        assertThat(year.compensatory()).isEqualTo(derived.compensatory());
        assertThat(weekdaysOff(2027)).containsExactlyElementsOf(dates(
            "2027-01-01",
            "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
            "2027-04-16",
            "2027-04-30", "2027-05-03",
            "2027-09-02", "2027-09-03"));
        assertThat(weekendDaysWorked(2027)).isEmpty();
    }

    @Test
    void theRulesAloneGiveThePublishedDaysOffLessTheSwaps() {
        for (final int y : new int[] {2025, 2026}) {
            final HolidayYear published = calendar.year(y);
            final Set<LocalDate> expected = new TreeSet<>(published.daysOff());
            published.swaps().forEach(swap -> expected.remove(swap.dayOff()));
            final WorkingCalendar rulesOnly = new WorkingCalendar(HolidayRules.VIETNAM::derive, CalendarOverride.NONE,
                VietnamTime.ZONE);
            assertThat(weekdaysOff(rulesOnly, y)).as("%d", y)
                .containsExactlyElementsOf(expected.stream().filter(d -> !HolidayRules.isWeekend(d)).toList());
        }
    }

    @Test
    void everyShippedYearFollowsTheStatutoryRules() {
        for (final int y : new int[] {2025, 2026, 2027}) {
            assertThat(HolidayYearFile.bundled(y)).as("%d", y).isPresent();
            assertThat(HolidayRules.VIETNAM.check(calendar.year(y))).as("%d", y).isEmpty();
        }
    }

    @Test
    void everyStatutoryHolidayOfTheShippedYearsIsADayOff() {
        for (final int y : new int[] {2025, 2026, 2027}) {
            final Set<LocalDate> statutory = Set.of(LocalDate.of(y, 1, 1), HolidayRules.VIETNAM.lunarNewYear(y),
                HolidayRules.VIETNAM.lunarNewYear(y).minusDays(1), HolidayRules.VIETNAM.lunarNewYear(y).plusDays(1),
                HolidayRules.VIETNAM.lunarNewYear(y).plusDays(2), HolidayRules.VIETNAM.hungKingsDay(y),
                LocalDate.of(y, 4, 30), LocalDate.of(y, 5, 1), LocalDate.of(y, 9, 2));
            assertThat(statutory).as("%d", y).noneMatch(calendar::isWorkingDay);
        }
    }

    private List<LocalDate> weekdaysOff(final int year) {
        return weekdaysOff(calendar, year);
    }

    private static List<LocalDate> weekdaysOff(final WorkingCalendar calendar, final int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
            .filter(day -> !HolidayRules.isWeekend(day) && !calendar.isWorkingDay(day)).toList();
    }

    private List<LocalDate> weekendDaysWorked(final int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
            .filter(day -> HolidayRules.isWeekend(day) && calendar.isWorkingDay(day)).toList();
    }

    private static List<LocalDate> dates(final String... dates) {
        return Arrays.stream(dates).map(LocalDate::parse).toList();
    }
}
