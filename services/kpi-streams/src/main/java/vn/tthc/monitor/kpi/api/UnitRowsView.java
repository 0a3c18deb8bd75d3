package vn.tthc.monitor.kpi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/**
 * A unit's rows as {@code /units/{unitId}/kpis} shows them: each row as the contract writes a {@link KpiRowStatus}
 * (every KPI with its allowance, toRecover and recoverable), with
 * <ul>
 *   <li>on the on-time KPI, {@code forecast}: the end-of-period forecast (unrounded expected rate) of a row of a
 *       current period (a subtree row's counts the open cases of the whole subtree), null for the others;</li>
 *   <li>on the row, {@code finality} ({@code provisional} or {@code final}), {@code finalFrom},
 *       {@code correctedAfterFinal} and {@code lastCorrectedAt}: labels, never a change of counting (issue 14, point 5),
 *       as the verdict stage keeps them for the row's (unit, period, scope) (docs/CONTRACT-NOTES.md, "Provisional and
 *       final"). {@code finalFrom} is when the rows became final, or, while they are provisional, the cut-off (the
 *       latest they become final); {@code correctedAfterFinal} counts the events counted after that, the last at
 *       {@code lastCorrectedAt} (null when none).</li>
 * </ul>
 * The fields are added to the row's JSON, so that the rows keep every field the contract gives them.
 */
@Singleton
class UnitRowsView {

    static final String FORECAST = "forecast";

    private final ClusterQueries queries;
    private final ObjectMapper mapper;
    private final VerdictSettings verdicts;

    UnitRowsView(final ClusterQueries queries, final ObjectMapper mapper, final VerdictSettings verdicts) {
        this.queries = queries;
        this.mapper = mapper;
        this.verdicts = verdicts;
    }

    QueryResult<List<JsonNode>> of(final String unitId, final QueryResult<List<KpiRowStatus>> rows) {
        if (!(rows instanceof QueryResult.Found<List<KpiRowStatus>> foundRows)) {
            return rows.map(any -> List.of());
        }
        final boolean subtree = foundRows.value().stream().anyMatch(row -> row.scope() == Scope.SUBTREE);
        final QueryResult<Map<KpiRowKey, OnTimeForecast>> forecasts =
            subtree ? queries.subtreeForecasts(unitId) : queries.unitForecasts(unitId);
        if (!(forecasts instanceof QueryResult.Found<Map<KpiRowKey, OnTimeForecast>> found)) {
            return forecasts.map(any -> List.of());
        }
        final Map<Scope, Map<String, VerdictState>> states = new HashMap<>();
        for (final KpiRowStatus row : foundRows.value()) {
            if (!states.containsKey(row.scope())) {
                final QueryResult<Map<String, VerdictState>> read = queries.unitVerdicts(unitId, row.scope());
                if (!(read instanceof QueryResult.Found<Map<String, VerdictState>> foundStates)) {
                    return read.map(any -> List.of());
                }
                states.put(row.scope(), foundStates.value());
            }
        }
        return rows.map(list -> {
            final List<JsonNode> nodes = new ArrayList<>(list.size());
            for (final KpiRowStatus row : list) {
                final OnTimeForecast forecast = found.value().get(row.key());
                nodes.add(withFinality(withForecast(row, forecast), row.period(), states.get(row.scope()).get(row.period())));
            }
            return nodes;
        });
    }

    private JsonNode withFinality(final JsonNode row, final String period, final VerdictState state) {
        final boolean isFinal = state != null && state.hasBecomeFinal();
        final Instant finalFrom = isFinal ? state.finalAt() : verdicts.cutOff(Period.parse(period));
        final Instant lastCorrectedAt = state == null ? null : state.lastCorrectedAt();
        ((ObjectNode) row).put("finality", isFinal ? "final" : "provisional")
            .put("finalFrom", finalFrom.toString())
            .put("correctedAfterFinal", state == null ? 0 : state.correctedAfterFinal())
            .put("lastCorrectedAt", Objects.toString(lastCorrectedAt, null));
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
