package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Duration;

/**
 * How the end-of-period forecast stage behaves ({@code tthc.forecast.*}).
 *
 * @param alertsEnabled     whether AT_RISK alerts are raised; when off, the forecast is still served (query API,
 *                          metrics) and the forecast alerts still open are resolved at the next pass
 * @param checkInterval     how often the units whose rows or open cases changed are judged again
 * @param recomputeInterval how often every unit with open cases or an open forecast alert is judged again from
 *                          the wall clock alone (cases become overdue, periods end, without any event)
 * @param maxDrivingCases   the most overdue cases an AT_RISK alert lists, the oldest due first
 */
public record ForecastSettings(boolean alertsEnabled, Duration checkInterval, Duration recomputeInterval,
                               int maxDrivingCases) {

    /** AT_RISK alerts on, changed units judged every second, every unit every minute, 20 driving cases. */
    public static final ForecastSettings DEFAULTS = new ForecastSettings(true, Duration.ofSeconds(1), Duration.ofMinutes(1), 20);

    public ForecastSettings {
        if (checkInterval.isNegative() || checkInterval.isZero() || recomputeInterval.isNegative() || recomputeInterval.isZero()) {
            throw new IllegalArgumentException("forecast intervals must be positive: " + checkInterval + ", " + recomputeInterval);
        }
        if (recomputeInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("tthc.forecast.recompute-interval must be at most 1 minute: " + recomputeInterval);
        }
        if (maxDrivingCases < 1) {
            throw new IllegalArgumentException("tthc.forecast.max-driving-cases must be at least 1: " + maxDrivingCases);
        }
    }
}
