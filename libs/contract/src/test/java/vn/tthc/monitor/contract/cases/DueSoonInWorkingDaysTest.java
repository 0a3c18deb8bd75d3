package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/** A due-soon window of one working day skips weekends and days off, where a 24-hour one does not. */
class DueSoonInWorkingDaysTest {

    private static final DueSoonWindow ONE_WORKING_DAY = DueSoonWindow.workingDays(WorkingCalendar.vietnam(), 1);

    @Test
    void aCaseDueMondayMorningIsDueSoonFromFridayMorning() {
        final OpenCase open = openCaseDue(vietnam("2026-11-23T08:00"));
        assertThat(open.nextAlarm(ONE_WORKING_DAY)).isEqualTo(vietnam("2026-11-20T08:00"));
        assertThat(open.warningsAt(vietnam("2026-11-20T07:59"), ONE_WORKING_DAY)).isEmpty();
        assertThat(open.warningsAt(vietnam("2026-11-20T08:00"), ONE_WORKING_DAY)).containsExactly(CaseWarning.Kind.DUE_SOON);
    }

    @Test
    void aTwentyFourHourWindowWouldOnlyOpenOnSundayMorning() {
        final OpenCase open = openCaseDue(vietnam("2026-11-23T08:00"));
        assertThat(open.nextAlarm(DueSoonWindow.fixed(Duration.ofHours(24)))).isEqualTo(vietnam("2026-11-22T08:00"));
    }

    @Test
    void aCaseDueTheMorningAfterTetIsDueSoonFromTheLastWorkingDayBeforeIt() {
        // Tết Bính Ngọ: off from Saturday 14/02 to Sunday 22/02/2026
        final OpenCase open = openCaseDue(vietnam("2026-02-23T08:00"));
        assertThat(open.nextAlarm(ONE_WORKING_DAY)).isEqualTo(vietnam("2026-02-13T08:00"));
    }

    @Test
    void aCaseDueOnAWeekdayIsDueSoonTwentyFourHoursBefore() {
        final OpenCase open = openCaseDue(vietnam("2026-11-25T10:00"));
        assertThat(open.nextAlarm(ONE_WORKING_DAY)).isEqualTo(vietnam("2026-11-24T10:00"));
    }

    @Test
    void aCaseDueTheDayAfterAMakeUpSaturdayIsDueSoonOnThatSaturday() {
        // Saturday 22/08/2026 is worked in place of Monday 31/08; Sunday 23/08 is not
        final OpenCase open = openCaseDue(vietnam("2026-08-24T09:00"));
        assertThat(open.nextAlarm(ONE_WORKING_DAY)).isEqualTo(vietnam("2026-08-22T09:00"));
    }

    private static OpenCase openCaseDue(final Instant due) {
        return new OpenCase("C1", "U1", "HO_TICH", "1.1", due, false, null, null, null);
    }

    private static Instant vietnam(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }
}
