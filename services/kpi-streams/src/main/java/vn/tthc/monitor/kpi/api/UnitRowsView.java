package vn.tthc.monitor.kpi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.evaluation.Finality;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/**
 * A unit's rows as {@code /units/{unitId}/kpis} shows them: each row as the contract writes a {@link KpiRowStatus}
 * (every KPI with its allowance, toRecover and recoverable), with
 * <ul>
 *   <li>on the on-time KPI, {@code forecast}: the end-of-period forecast (unrounded expected rate) of an own row of a
 *       current period, null for the others;</li>
 *   <li>on the row, {@code finality} ({@code provisional} or {@code final}) and {@code finalFrom}: a label, never a
 *       change of counting (issue 14, point 5), by the contract's {@link Finality} at the time of the request.</li>
 * </ul>
 * The fields are added to the row's JSON, so that the rows keep every field the contract gives them.
 */
@Singleton
class UnitRowsView {

    static final String FORECAST = "forecast";

    private final ClusterQueries queries;
    private final ObjectMapper mapper;
    private final WorkingCalendar calendar;
    private final Clock clock;

    UnitRowsView(final ClusterQueries queries, final ObjectMapper mapper, final WorkingCalendar calendar,
                 final Clock clock) {
        this.queries = queries;
        this.mapper = mapper;
        this.calendar = calendar;
        this.clock = clock;
    }

    QueryResult<List<JsonNode>> of(final String unitId, final QueryResult<List<KpiRowStatus>> rows) {
        if (!(rows instanceof QueryResult.Found<List<KpiRowStatus>>)) {
            return rows.map(any -> List.of());
        }
        final QueryResult<Map<KpiRowKey, OnTimeForecast>> forecasts = queries.unitForecasts(unitId);
        if (!(forecasts instanceof QueryResult.Found<Map<KpiRowKey, OnTimeForecast>> found)) {
            return forecasts.map(any -> List.of());
        }
        final Instant now = clock.instant();
        return rows.map(list -> {
            final List<JsonNode> nodes = new ArrayList<>(list.size());
            for (final KpiRowStatus row : list) {
                final OnTimeForecast forecast = row.scope() == Scope.OWN ? found.value().get(row.key()) : null;
                nodes.add(withFinality(withForecast(row, forecast), Finality.of(Period.parse(row.period()), now, calendar)));
            }
            return nodes;
        });
    }

    private static JsonNode withFinality(final JsonNode row, final Finality finality) {
        ((ObjectNode) row).put("finality", finality.provisional() ? "provisional" : "final")
            .put("finalFrom", finality.finalFrom().toString());
        return row;
    }

    private JsonNode withForecast(final KpiRowStatus row, final OnTimeForecast forecast) {
        final JsonNode node = mapper.valueToTree(row);
        for (final JsonNode kpi : node.path("kpis")) {
            if (Kpi.ON_TIME_RATE.id().equals(kpi.path("kpi").asText()) && kpi instanceof ObjectNode object) {
                if (forecast == null) {
                    object.putNull(FORECAST);
                } else {
                    object.put(FORECAST, forecast.expectedRate());
                }
            }
        }
        return node;
    }
}
