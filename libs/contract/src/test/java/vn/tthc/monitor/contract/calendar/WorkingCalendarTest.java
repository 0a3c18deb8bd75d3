package vn.tthc.monitor.contract.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/** Working-day arithmetic across weekends, Tết, days given back and swaps. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.vietnam();

    @Test
    void weekendsAreOffAndWeekdaysWorked() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
    }

    @Test
    void aMakeUpSaturdayIsWorkedAndItsSwappedWeekdayIsNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeTet2026EndFridayAfterIt() {
        // off 14/02–22/02: Friday 13/02 + 5 working days = 23, 24, 25, 26, 27/02
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 27), -5)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 0)).isEqualTo(LocalDate.of(2026, 2, 13));
    }

    @Test
    void workingDaysAroundTheNewYearSwapOf2026() {
        // 01/01 holiday, 02/01 swapped out, 03–04/01 weekend, Saturday 10/01 worked
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 12))).isEqualTo(6);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 1))).isEqualTo(-6);
    }

    @Test
    void workingDaysOfAWholeYear() {
        // 2025: 261 weekdays, 12 weekdays off, 1 Saturday worked
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))).isEqualTo(250);
    }

    @Test
    void workingTimeCountsOnlyTheHoursOfWorkingDays() {
        // Friday 16:00 to Monday 10:00: 8 hours of Friday and 10 of Monday
        assertThat(calendar.workingTimeBetween(vietnam("2026-11-20T16:00"), vietnam("2026-11-23T10:00")))
            .isEqualTo(Duration.ofHours(18));
        assertThat(calendar.workingTimeBetween(vietnam("2026-11-23T10:00"), vietnam("2026-11-20T16:00")))
            .isEqualTo(Duration.ofHours(-18));
        assertThat(calendar.workingTimeBetween(vietnam("2026-11-21T09:00"), vietnam("2026-11-22T18:00")))
            .isEqualTo(Duration.ZERO);
    }

    @Test
    void workingTimeAcrossTet2026LeavesOutTheNineDaysOff() {
        assertThat(calendar.workingTimeBetween(vietnam("2026-02-13T12:00"), vietnam("2026-02-23T12:00")))
            .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void oneWorkingDayBeforeADueTimeOnAWeekendIsTheStartOfFriday() {
        assertThat(calendar.minusWorkingDays(vietnam("2026-11-21T10:00"), 1)).isEqualTo(vietnam("2026-11-20T00:00"));
        assertThat(calendar.minusWorkingDays(vietnam("2026-11-21T10:00"), 0)).isEqualTo(vietnam("2026-11-21T10:00"));
    }

    @Test
    void severalWorkingDaysBackSkipEveryDayOff() {
        // Wednesday 07/05/2025 10:00 back 3 working days: the morning of the 7th, 06 and 05/05, then past the
        // days off of 30/04–04/05 (02/05 swapped out) to the last 14 hours of Tuesday 29/04
        assertThat(calendar.minusWorkingDays(vietnam("2025-05-07T10:00"), 3)).isEqualTo(vietnam("2025-04-29T10:00"));
    }

    @Test
    void aYearWithNoFileFollowsTheRulesAndNeverFails() {
        final HolidayYear year2028 = calendar.year(2028);
        assertThat(year2028.status()).isEqualTo(HolidayYear.Status.DERIVED);
        assertThat(year2028.swaps()).isEmpty();
        // Tết Mậu Thân: mùng 1 = Wednesday 26/01/2028; mùng 4 (Saturday 29/01) given back Monday 24/01
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 28))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 31))).isTrue();
        // 01/01/2028 is a Saturday: given back Monday 03/01
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2099, 12, 31), 10)).isAfter(LocalDate.of(2099, 12, 31));
    }

    @Test
    void aProvinceOverrideAddsItsOwnDayOffAndWorksADayTheNationHasOff() {
        final CalendarOverride province = new CalendarOverride("Tỉnh Điện Biên", List.of("Quyết định của UBND tỉnh"),
            Map.of(LocalDate.of(2026, 5, 7), "Kỷ niệm Chiến thắng Điện Biên Phủ"),
            Map.of(LocalDate.of(2026, 4, 27), "Làm việc bình thường"));
        final WorkingCalendar provincial = WorkingCalendar.vietnam(province);
        assertThat(provincial.isWorkingDay(LocalDate.of(2026, 5, 7))).isFalse();
        assertThat(provincial.isWorkingDay(LocalDate.of(2026, 4, 27))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 7))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        assertThat(provincial.plusWorkingDays(LocalDate.of(2026, 5, 6), 1)).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    private static Instant vietnam(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }
}
