package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;

/**
 * The end-of-period forecast of one subtree row ({@link OnTimeForecast}) from its counters and the projections its
 * units spread ({@link vn.tthc.monitor.kpi.topology.StoreCatalog#SUBTREE_FORECAST_PARTS_STORE}). Shared by the
 * forecast stage (alerts) and the query API and metrics (which compute it when read, at the service's clock, on the
 * instance that holds the subtree row), so both say the same for the same {@code now}.
 */
public final class SubtreeRowForecasts {

    private SubtreeRowForecasts() {
    }

    /** The parts ({@code unitId} → projection) of the units the organisation places in {@code top}'s subtree. */
    public static Map<String, ForecastProjection> counted(final String top, final Map<String, ForecastProjection> parts,
                                                          final Organisation organisation) {
        final Map<String, ForecastProjection> counted = new TreeMap<>();
        parts.forEach((unit, projection) -> {
            if (organisation.subtreesCounting(unit).contains(top)) {
                counted.put(unit, projection);
            }
        });
        return counted;
    }

    /** The forecast of a subtree row from the parts counted in it; empty outside the current periods. */
    public static Optional<OnTimeForecast> of(final KpiRowKey row, final KpiCounters counters,
                                              final Map<String, ForecastProjection> counted, final Targets targets,
                                              final Instant now) {
        if (!RowForecasts.isCurrent(row.period(), now)) {
            return Optional.empty();
        }
        final ForecastProjection projection = counted.values().stream()
            .reduce(ForecastProjection.NONE, ForecastProjection::plus);
        return OnTimeForecast.of(counters, projection, List.of(), Period.parse(row.period()).end(), now,
            targets.target(Kpi.ON_TIME_RATE, row), targets.minVolume(row));
    }
}
