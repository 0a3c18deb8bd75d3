package vn.tthc.monitor.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.CaseStatus;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/** A case's remaining working time counts working days only, goes negative when overdue and is absent when nothing runs. */
class CaseViewTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.vietnam();
    private static final Instant RECEIVED = vietnam("2026-11-18T09:00");
    private static final Instant DUE = vietnam("2026-11-23T10:00");
    private static final CaseHistory OPEN = CaseHistory.empty("C1")
        .with(new CaseReceived("r1", RECEIVED, null, "C1", "U1", "HO_TICH", "1.1", Channel.COUNTER, false, DUE));

    @Test
    void theWeekendIsLeftOutOfTheRemainingTime() {
        // Friday 16:00 to Monday 10:00: 8 working hours on Friday, 10 on Monday
        final CaseView view = view(OPEN, vietnam("2026-11-20T16:00"));
        assertThat(view.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(view.remainingWorkingTime()).isEqualTo(Duration.ofHours(18));
    }

    @Test
    void anOverdueCaseHasNegativeRemainingTime() {
        final CaseView view = view(OPEN, vietnam("2026-11-24T10:00"));
        assertThat(view.status()).isEqualTo(CaseStatus.OVERDUE);
        assertThat(view.remainingWorkingTime()).isEqualTo(Duration.ofHours(-24));
    }

    @Test
    void aCaseWaitingOnTheCitizenOrResolvedHasNone() {
        final CaseHistory waiting = OPEN.with(new SupplementRequested("q1", vietnam("2026-11-19T09:00"), null, "C1"));
        assertThat(view(waiting, vietnam("2026-11-20T16:00")).remainingWorkingTime()).isNull();
        final CaseHistory resolved = OPEN.with(new CaseResolved("s1", vietnam("2026-11-19T09:00"), null, "C1",
            CaseResult.APPROVED));
        assertThat(view(resolved, vietnam("2026-11-20T16:00")).remainingWorkingTime()).isNull();
    }

    @Test
    void aCaseDueInYear999999999HasItsWeekdaysLeftAndReadsOnlyTheCalendarsKnownYears() {
        final java.util.Set<Integer> yearsRead = new java.util.TreeSet<>();
        final WorkingCalendar counted = new WorkingCalendar(year -> {
            yearsRead.add(year);
            return vn.tthc.monitor.contract.calendar.HolidayRules.VIETNAM.derive(year);
        }, vn.tthc.monitor.contract.calendar.CalendarOverride.NONE, VietnamTime.ZONE);
        final CaseHistory farAway = CaseHistory.empty("C9").with(new CaseReceived("r9", RECEIVED, null, "C9", "U1", "HO_TICH",
            "1.1", Channel.COUNTER, false, Instant.parse("+999999999-12-31T23:59:59Z")));

        final CaseView view = CaseView.of(farAway, CaseClock.assess(farAway), vietnam("2026-11-20T16:00"), counted);

        assertThat(view.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(view.remainingWorkingTime().toDays()).isGreaterThan(999_000_000L * 365 * 5 / 7);
        assertThat(yearsRead).hasSizeLessThanOrEqualTo(WorkingCalendar.LAST_YEAR + 1 - 2025 + 1);
    }

    private static CaseView view(final CaseHistory history, final Instant now) {
        return CaseView.of(history, CaseClock.assess(history), now, CALENDAR);
    }

    private static Instant vietnam(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }
}
