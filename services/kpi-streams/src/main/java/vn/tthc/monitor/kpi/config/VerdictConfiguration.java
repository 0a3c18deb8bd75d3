package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;

/**
 * Provisional and final ({@code tthc.verdicts.*}, issue 14 point 5); see {@link VerdictSettings}.
 *
 * @param cutOffWorkingDays working days after a period after which its rows are final even with cases still open
 * @param checkInterval     how often ended periods are checked and corrections written (at most one per verdict each time)
 */
@ConfigurationProperties("tthc.verdicts")
public record VerdictConfiguration(@Bindable(defaultValue = "10") int cutOffWorkingDays,
                                   @Bindable(defaultValue = "1m") Duration checkInterval) {

    public VerdictSettings settings(final WorkingCalendar calendar) {
        return new VerdictSettings(cutOffWorkingDays, checkInterval, calendar);
    }
}
