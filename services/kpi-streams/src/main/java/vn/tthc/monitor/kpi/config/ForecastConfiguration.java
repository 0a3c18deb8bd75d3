package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import vn.tthc.monitor.kpi.topology.forecast.ForecastSettings;

/**
 * The end-of-period forecast ({@code tthc.forecast.*}, issue 14 point 4); see {@link ForecastSettings}.
 *
 * @param alertsEnabled     raise AT_RISK alerts ("Dự báo không đạt"); off: the forecast is still served, open ones resolve
 * @param checkInterval     how often units whose rows or open cases changed are judged again
 * @param recomputeInterval how often every unit with open cases is judged again from the wall clock (at most 1 minute)
 * @param maxDrivingCases   the most overdue cases an AT_RISK alert lists
 */
@ConfigurationProperties("tthc.forecast")
public record ForecastConfiguration(@Bindable(defaultValue = "true") boolean alertsEnabled,
                                    @Bindable(defaultValue = "1s") Duration checkInterval,
                                    @Bindable(defaultValue = "1m") Duration recomputeInterval,
                                    @Bindable(defaultValue = "20") int maxDrivingCases) {

    public ForecastSettings settings() {
        return new ForecastSettings(alertsEnabled, checkInterval, recomputeInterval, maxDrivingCases);
    }
}
