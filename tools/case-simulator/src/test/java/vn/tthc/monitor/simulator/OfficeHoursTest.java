package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.calendar.CalendarOverride;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.simulator.testing.Configs;

/** Office hours (7:30–11:30, 13:30–17:00) on the working days of the contract's calendar. */
class OfficeHoursTest {

    private final WorkingCalendar national = WorkingCalendar.vietnam();
    private final OfficeHours officeHours = new OfficeHours(Configs.oneUnit().officeHours(), national);

    @Test
    void aWorkingDayIsTheOfficeHoursOfOneDay() {
        assertThat(officeHours.workingDay()).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
    }

    @Test
    void officeTimeSkipsTheLunchBreak() {
        assertThat(officeHours.plusWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T14:00"));
    }

    @Test
    void officeTimeSkipsTheWeekend() {
        assertThat(officeHours.plusWorkingTime(at("2026-03-06T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-09T08:30"));
    }

    @Test
    void aCaseReceivedTheFridayBeforeTet2026IsDueTheMondayAfterAtTheSameOfficeTime() {
        // Tết 2026: days off Monday 16/2 to Friday 20/2, between two weekends
        assertThat(officeHours.plusWorkingTime(at("2026-02-13T09:15"), officeHours.workingDays(1))).isEqualTo(at("2026-02-23T09:15"));
    }

    @Test
    void officeTimeSkipsTheDaysGivenBackAndTheHolidays() {
        // Giỗ Tổ on Sunday 26/4/2026 is given back on Monday 27/4; 30/4 and 1/5 are holidays
        assertThat(officeHours.plusWorkingTime(at("2026-04-24T10:00"), officeHours.workingDays(1))).isEqualTo(at("2026-04-28T10:00"));
        assertThat(officeHours.plusWorkingTime(at("2026-04-29T10:00"), officeHours.workingDays(1))).isEqualTo(at("2026-05-04T10:00"));
    }

    @Test
    void theOfficeOpensOnASaturdayWorkedInASwap() {
        // Friday 2/1/2026 is off, swapped for Saturday 10/1/2026
        assertThat(officeHours.plusWorkingTime(at("2026-01-09T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-01-10T08:30"));
        assertThat(officeHours.plusWorkingTime(at("2025-12-31T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-01-05T08:30"));
    }

    @Test
    void dueTimesInWholeWorkingDaysAreWhereTheCalendarCountsTheSameNumberOfWorkingDays() {
        // kpi-streams warns n working days before the due time by the calendar: from reception, for a case due in n days
        for (final String received : List.of("2026-02-13T09:15", "2026-04-29T14:00", "2026-08-28T07:45", "2026-03-06T16:59")) {
            for (final int days : List.of(1, 3, 10, 15)) {
                final Instant due = officeHours.plusWorkingTime(at(received), officeHours.workingDays(days));
                assertThat(national.minusWorkingDays(due, days)).as("%s + %d working days", received, days).isEqualTo(at(received));
            }
        }
    }

    @Test
    void aProvinceOverrideClosesTheOfficeOnItsDaysOff() {
        final CalendarOverride dienBien = new CalendarOverride("Tỉnh Điện Biên", List.of(),
            Map.of(LocalDate.parse("2026-05-07"), "Kỷ niệm Chiến thắng Điện Biên Phủ"), Map.of());
        final OfficeHours province = new OfficeHours(Configs.oneUnit().officeHours(), WorkingCalendar.vietnam(dienBien));

        assertThat(province.plusWorkingTime(at("2026-05-06T10:00"), province.workingDays(1))).isEqualTo(at("2026-05-08T10:00"));
        assertThat(officeHours.plusWorkingTime(at("2026-05-06T10:00"), officeHours.workingDays(1))).isEqualTo(at("2026-05-07T10:00"));
    }

    @Test
    void officeTimeStartsAtTheNextOpeningOutsideOfficeHours() {
        assertThat(officeHours.plusWorkingTime(at("2026-03-02T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-03T08:00"));
    }

    @Test
    void officeTimeBetweenTwoInstantsCountsOnlyOfficeHours() {
        assertThat(officeHours.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T08:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(officeHours.workingTimeBetween(at("2026-02-13T16:00"), at("2026-02-23T08:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(officeHours.workingTimeBetween(at("2026-03-09T08:30"), at("2026-03-06T16:00"))).isZero();
    }

    private static Instant at(final String localTime) {
        return OffsetDateTime.parse(localTime + ":00+07:00").toInstant();
    }
}
