package vn.tthc.monitor.kpi.topology.verdicts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * How the verdict stage behaves ({@code tthc.verdicts.*}).
 *
 * @param cutOffWorkingDays how many working days after a period its rows may stay provisional: they are final from
 *                          the start of the day after the {@code cutOffWorkingDays}th working day that follows the
 *                          period's last day (Asia/Ho_Chi_Minh), when not all its cases closed before
 * @param checkInterval     how often (wall clock) ended periods are checked for finality and corrections are written:
 *                          at most one correction per verdict per interval
 * @param calendar          the working days
 */
public record VerdictSettings(int cutOffWorkingDays, Duration checkInterval, WorkingCalendar calendar) {

    /** Ten working days, checked every minute, on the national calendar. */
    public static final VerdictSettings DEFAULTS = new VerdictSettings(10, Duration.ofMinutes(1), WorkingCalendar.vietnam());

    public VerdictSettings {
        if (cutOffWorkingDays < 0) {
            throw new IllegalArgumentException("tthc.verdicts.cut-off-working-days must not be negative: " + cutOffWorkingDays);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("tthc.verdicts.check-interval must be positive: " + checkInterval);
        }
    }

    /** The instant from which {@code period}'s rows are final whatever is still open: the cut-off. */
    public Instant cutOff(final Period period) {
        final LocalDate lastDay = period.endExclusive().minusDays(1);
        return calendar.plusWorkingDays(lastDay, cutOffWorkingDays).plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
    }
}
