package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Instant;
import java.util.Optional;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Targets;

/**
 * The end-of-period forecast of one own row ({@link OnTimeForecast}) from its counters and its unit's open cases
 * projected ({@link UnitProjections}): those of the row's field, or all of them for the {@code *} row. Only rows of the periods containing {@code now}
 * have one. Shared by the forecast stage (alerts) and the query API and metrics (which compute it when read, at
 * the service's clock), so both say the same for the same {@code now}.
 */
public final class RowForecasts {

    private RowForecasts() {
    }

    /** Whether {@code period} (text form) is one of the periods containing {@code now}. */
    public static boolean isCurrent(final String period, final Instant now) {
        return Period.containing(now).stream().anyMatch(current -> current.toString().equals(period));
    }

    /** {@code projections}: the row's unit's open cases projected at {@code now} ({@link UnitProjections}). */
    public static Optional<OnTimeForecast> of(final KpiRowKey row, final KpiCounters counters,
                                              final UnitProjections projections, final Targets targets,
                                              final Instant now) {
        if (!isCurrent(row.period(), now)) {
            return Optional.empty();
        }
        return OnTimeForecast.of(counters, projections.projection(row), projections.overdueCaseIds(row),
            Period.parse(row.period()).end(), now, targets.target(Kpi.ON_TIME_RATE, row), targets.minVolume(row));
    }
}
