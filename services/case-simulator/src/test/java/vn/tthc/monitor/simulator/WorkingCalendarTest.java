package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.simulator.testing.Configs;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(Configs.oneUnit());

    @Test
    void aWorkingDayIsTheOfficeHoursOfOneDay() {
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
    }

    @Test
    void officeTimeSkipsTheLunchBreak() {
        assertThat(calendar.plusWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T14:00"));
    }

    @Test
    void officeTimeSkipsTheWeekend() {
        assertThat(calendar.plusWorkingTime(at("2026-03-06T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-09T08:30"));
    }

    @Test
    void officeTimeSkipsHolidays() {
        // Thursday 30 April and Friday 1 May are holidays: one working day from Wednesday is Monday
        assertThat(calendar.plusWorkingTime(at("2026-04-29T09:00"), calendar.workingDays(1))).isEqualTo(at("2026-05-04T09:00"));
    }

    @Test
    void officeTimeStartsAtTheNextOpeningOutsideOfficeHours() {
        assertThat(calendar.plusWorkingTime(at("2026-03-02T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-03T08:00"));
    }

    @Test
    void officeTimeBetweenTwoInstantsCountsOnlyOfficeHours() {
        assertThat(calendar.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T08:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(at("2026-03-09T08:30"), at("2026-03-06T16:00"))).isZero();
    }

    private static Instant at(final String localTime) {
        return OffsetDateTime.parse(localTime + ":00+07:00").toInstant();
    }
}
