package vn.tthc.monitor.contract.kpi;

import java.time.Instant;
import java.util.Collection;

/**
 * The open cases of a row projected to the end of its period ({@link OnTimeForecast}): of those due before the
 * period ends, {@code overdue} are overdue at {@code now} (certain late), {@code waiting} wait on the citizen (left
 * out) and {@code rest} are neither (each on time with probability p). Projections add up, so a subtree row's is the
 * sum of its units' (EVENTS.md section 6).
 */
public record ForecastProjection(long overdue, long rest, long waiting) {

    public static final ForecastProjection NONE = new ForecastProjection(0, 0, 0);

    /** The projection at {@code now} of {@code openCases} for a period ending (exclusive) at {@code periodEnd}. */
    public static ForecastProjection of(final Collection<ForecastCase> openCases, final Instant periodEnd,
                                        final Instant now) {
        long overdue = 0;
        long rest = 0;
        long waiting = 0;
        for (final ForecastCase open : openCases) {
            if (!open.effectiveDue().isBefore(periodEnd)) {
                continue;
            }
            if (open.waitingOnCitizen()) {
                waiting++;
            } else if (now.isAfter(open.effectiveDue())) {
                overdue++;
            } else {
                rest++;
            }
        }
        return new ForecastProjection(overdue, rest, waiting);
    }

    public ForecastProjection plus(final ForecastProjection other) {
        return new ForecastProjection(overdue + other.overdue, rest + other.rest, waiting + other.waiting);
    }

    /** No open case due before the period ends. */
    public boolean isNone() {
        return overdue == 0 && rest == 0 && waiting == 0;
    }
}
