package vn.tthc.monitor.contract.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * The work of the calendar is bounded whatever the dates: the years it reads from its source are
 * counted, and far dates (year 999999999, {@link Instant#MIN}/{@link Instant#MAX}) answer without
 * an exception and agree with a day-by-day count.
 */
class BoundedWorkingCalendarTest {

    private final List<Integer> yearsRead = new ArrayList<>();
    private final WorkingCalendar calendar = new WorkingCalendar(year -> {
        yearsRead.add(year);
        return HolidayYearFile.bundled(year).orElseGet(() -> HolidayRules.VIETNAM.derive(year));
    }, CalendarOverride.NONE, VietnamTime.ZONE);

    @Test
    void theWorkingTimeInsideOneYearReadsThatYearAndItsTwoNeighboursOnce() {
        calendar.workingTimeBetween(vietnam("2026-03-02T08:00"), vietnam("2026-04-01T08:00"));
        calendar.workingTimeBetween(vietnam("2026-05-04T08:00"), vietnam("2026-06-01T08:00"));
        assertThat(yearsRead).containsExactlyInAnyOrder(2025, 2026, 2027);
    }

    @Test
    void theWorkingTimeToADueDateInYear999999999ReadsOnlyTheKnownYearsFromNowOn() {
        final Instant due = Instant.parse("+999999999-12-31T23:59:59Z");
        final Duration left = calendar.workingTimeBetween(vietnam("2026-12-05T10:00"), due);
        assertThat(new TreeSet<>(yearsRead).first()).isEqualTo(2025);
        assertThat(new TreeSet<>(yearsRead).last()).isEqualTo(WorkingCalendar.LAST_YEAR + 1);
        assertThat(yearsRead).hasSize(WorkingCalendar.LAST_YEAR + 1 - 2025 + 1);
        // about 5/7 of a billion years of seconds, and exactly the known part plus the weekdays after it
        final Instant knownUntil = vietnam((WorkingCalendar.LAST_YEAR + 1) + "-01-01T00:00");
        assertThat(left).isEqualTo(calendar.workingTimeBetween(vietnam("2026-12-05T10:00"), knownUntil)
            .plus(calendar.workingTimeBetween(knownUntil, due)));
        assertThat(left.toDays()).isBetween(999_997_974L * 365 * 5 / 7, 999_997_974L * 366 * 5 / 7);
    }

    @Test
    void aDueDateFarOutsideTheKnownYearsReadsNoYearForTheDueSoonWindow() {
        final Instant due = vietnam("9999-06-07T10:00");
        // Monday 07/06/9999 10:00: one weekday back is Friday 10:00
        assertThat(calendar.minusWorkingDays(due, 1)).isEqualTo(vietnam("9999-06-04T10:00"));
        // Monday 01/01/1990 00:00: three weekdays back is Wednesday 27/12/1989 00:00
        assertThat(DueSoonWindow.workingDays(calendar, 3).opensAt(vietnam("1990-01-01T00:00")))
            .isEqualTo(vietnam("1989-12-27T00:00"));
        assertThat(yearsRead).isEmpty();
    }

    @Test
    void zeroWorkingDaysBeforeAWeekendInstantOutsideTheKnownYearsIsThatInstant() {
        // Saturday 04/01/2200 00:00, found by DueSoonWindowBoundsTest: it used to answer Monday 06/01 00:00, after the due time
        final Instant saturday = vietnam("2200-01-04T00:00");
        assertThat(calendar.minusWorkingDays(saturday, 0)).isEqualTo(saturday);
        assertThat(calendar.minusWorkingDays(vietnam("2200-01-05T12:00"), 0)).isEqualTo(vietnam("2200-01-05T12:00"));
        assertThat(calendar.minusWorkingDays(vietnam("2200-01-03T15:30"), 0)).isEqualTo(vietnam("2200-01-03T15:30"));
        // one working day before that Saturday is Friday 00:00
        assertThat(calendar.minusWorkingDays(saturday, 1)).isEqualTo(vietnam("2200-01-03T00:00"));
        assertThat(yearsRead).isEmpty();
    }

    @Test
    void outsideTheKnownYearsAWeekHasFiveWorkingDays() {
        assertThat(calendar.workingTimeBetween(vietnam("3000-01-06T00:00"), vietnam("3000-03-03T00:00")))
            .isEqualTo(Duration.ofDays(5 * 8));
        assertThat(calendar.isWorkingDay(LocalDate.of(1999, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(1999, 1, 2))).isFalse();
        assertThat(yearsRead).isEmpty();
    }

    @Test
    void theExtremeInstantsAnswerWithoutAnException() {
        final Duration all = calendar.workingTimeBetween(Instant.MIN, Instant.MAX);
        assertThat(all).isPositive();
        assertThat(calendar.workingTimeBetween(Instant.MAX, Instant.MIN)).isEqualTo(all.negated());
        assertThat(calendar.minusWorkingDays(Instant.MIN, 5)).isEqualTo(Instant.MIN);
        assertThat(calendar.minusWorkingDays(Instant.MAX, 1)).isBefore(Instant.MAX);
        assertThat(DueSoonWindow.fixed(Duration.ofDays(1)).opensAt(Instant.MIN)).isEqualTo(Instant.MIN);
        assertThat(yearsRead).hasSize(WorkingCalendar.LAST_YEAR - WorkingCalendar.FIRST_YEAR + 3);
    }

    @Test
    void aWindowOfManyWorkingDaysSkipsWholeYearsAndEndsWhereTheWorkingTimeSaysSo() {
        final Instant due = vietnam("2150-06-03T09:30");
        final int days = 250 * 180;
        final Instant opens = calendar.minusWorkingDays(due, days);
        assertThat(opens).isBefore(vietnam("2000-01-01T00:00"));
        assertThat(calendar.workingTimeBetween(opens, due)).isEqualTo(Duration.ofDays(days));
        assertThat(calendar.workingTimeBetween(opens.plusNanos(1), due)).isLessThan(Duration.ofDays(days));
        assertThat(yearsRead).hasSizeLessThanOrEqualTo(2150 - WorkingCalendar.FIRST_YEAR + 3);
    }

    @Test
    void theWorkingTimeAgreesWithADayByDayCountAcrossTheEdgesOfTheKnownYears() {
        final Random random = new Random(11);
        final Instant[] anchors = {vietnam("2000-01-01T00:00"), vietnam("2026-12-05T00:00"), vietnam("2200-01-01T00:00")};
        for (int i = 0; i < 60; i++) {
            final Instant anchor = anchors[i % anchors.length];
            final Instant from = anchor.plusSeconds(random.nextLong(-800 * 86_400L, 800 * 86_400L));
            final Instant to = from.plusSeconds(random.nextLong(0, 900 * 86_400L));
            assertThat(calendar.workingTimeBetween(from, to)).as("%s to %s", from, to).isEqualTo(dayByDay(from, to));
            final int days = random.nextInt(0, 400);
            final Instant opens = calendar.minusWorkingDays(to, days);
            assertThat(dayByDay(opens, to)).as("%d days before %s", days, to).isEqualTo(Duration.ofDays(days));
            if (days > 0) {
                assertThat(dayByDay(opens.plusNanos(1), to)).isLessThan(Duration.ofDays(days));
            }
        }
    }

    private Duration dayByDay(final Instant from, final Instant to) {
        Duration total = Duration.ZERO;
        for (LocalDate day = from.atZone(VietnamTime.ZONE).toLocalDate(); day.atStartOfDay(VietnamTime.ZONE).toInstant()
            .isBefore(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                final Instant start = day.atStartOfDay(VietnamTime.ZONE).toInstant();
                final Instant end = day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
                final Instant a = start.isBefore(from) ? from : start;
                final Instant b = end.isAfter(to) ? to : end;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private static Instant vietnam(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }
}
