package vn.tthc.monitor.kpi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * A unit's rows as {@code /units/{unitId}/kpis} shows them: each row as the contract writes a {@link KpiRowStatus}
 * (every KPI with its allowance, toRecover and recoverable), and on the on-time KPI {@code forecast}: the
 * end-of-period forecast (unrounded expected rate) of an own row of a current period, null for the others. The
 * field is added to the row's JSON, so that the rows keep every field the contract gives them.
 */
@Singleton
class RowForecastView {

    static final String FORECAST = "forecast";

    private final KpiQueryService queries;
    private final ObjectMapper mapper;

    RowForecastView(final KpiQueryService queries, final ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    QueryResult<List<JsonNode>> withForecasts(final String unitId, final QueryResult<List<KpiRowStatus>> rows) {
        if (!(rows instanceof QueryResult.Found<List<KpiRowStatus>>)) {
            return rows.map(any -> List.of());
        }
        final QueryResult<Map<KpiRowKey, OnTimeForecast>> forecasts = queries.unitForecasts(unitId);
        if (!(forecasts instanceof QueryResult.Found<Map<KpiRowKey, OnTimeForecast>> found)) {
            return forecasts.map(any -> List.of());
        }
        return rows.map(list -> {
            final List<JsonNode> nodes = new ArrayList<>(list.size());
            for (final KpiRowStatus row : list) {
                final OnTimeForecast forecast = row.scope() == Scope.OWN ? found.value().get(row.key()) : null;
                nodes.add(withForecast(row, forecast));
            }
            return nodes;
        });
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
