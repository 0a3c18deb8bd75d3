package vn.tthc.monitor.kpi.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.api.QueryResponses;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/**
 * Every unit's rows of one period, each KPI judged against its target: what the console's overview (Tổng quan)
 * shows in one request instead of one per unit. Read from the section-5 report, so it holds the same rows
 * (own rows, and subtree rows when the report has them).
 */
@Controller("/api/v1")
// queries wait for the query pool (at most tthc.query.timeout): not on the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class PeriodKpisController {

    /** The rows of {@code period}, in the report's order (own rows, then subtree rows; by unit, field). */
    public record PeriodKpis(String period, List<KpiRowStatus> rows) {
    }

    private final ClusterQueries queries;
    private final Targets targets;

    public PeriodKpisController(final ClusterQueries queries, final Targets targets) {
        this.queries = queries;
        this.targets = targets;
    }

    @Get("/kpis")
    @Operation(summary = "Every unit's KPI rows of one period (2026-12, 2026-Q4, 2026-H2 or 2026), each KPI judged"
        + " against its target")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PeriodKpis.class)))
    @ApiResponse(responseCode = "400", description = "Not a period")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing; retry after Retry-After seconds")
    public HttpResponse<?> periodRows(@QueryValue final String period) {
        final String text;
        try {
            text = Period.parse(period).toString();
        } catch (final IllegalArgumentException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        final QueryResult<PeriodKpis> result = queries.report().map(report -> rowsOf(report, text));
        return QueryResponses.toHttp(result);
    }

    private PeriodKpis rowsOf(final KpiReport report, final String period) {
        return new PeriodKpis(period, report.kpis().stream()
            .filter(row -> row.key().period().equals(period))
            .map(row -> KpiRowStatus.of(row.key(), row.scope(), row.counters(), targets))
            .toList());
    }
}
