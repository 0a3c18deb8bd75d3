package vn.tthc.monitor.contract.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * Whether an evaluation's figures are provisional (tạm tính) or final (chính thức). Cases received in a period
 * may close after it ends, and their outcome still counts in it. {@link #of} is the cut-off rule alone, for where
 * no verdict stage knows when the last of them closed (a replay): the figures are final once
 * {@value #SETTLING_WORKING_DAYS} working days have passed after the period, from the start of the day after the
 * {@value #SETTLING_WORKING_DAYS}th working day that follows the period's last day, in Asia/Ho_Chi_Minh. The live
 * service labels its reports from its verdict stage instead.
 *
 * @param provisional whether the figures may still change
 * @param finalFrom   the instant from which they are final
 */
public record Finality(boolean provisional, Instant finalFrom) {

    /** How many working days after a period its figures stay provisional. */
    public static final int SETTLING_WORKING_DAYS = 10;

    /** The finality of {@code period}'s figures at {@code now}. */
    public static Finality of(final Period period, final Instant now, final WorkingCalendar calendar) {
        final LocalDate lastDay = period.endExclusive().minusDays(1);
        final LocalDate settled = calendar.plusWorkingDays(lastDay, SETTLING_WORKING_DAYS);
        final Instant finalFrom = settled.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        return new Finality(now.isBefore(finalFrom), finalFrom);
    }

    /** "Tạm tính" or "Chính thức". */
    public String label() {
        return provisional ? "Tạm tính" : "Chính thức";
    }
}
