package vn.tthc.monitor.kpi.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.tthc.monitor.contract.report.Breach;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.PipelineCounts;

/** Read-only KPIs: the section-5 report, one unit's rows, the current breaches, the intake counts. */
@Controller("/api/v1")
@Tag(name = "KPIs")
public class KpiController {

    private final KpiQueryService queries;

    public KpiController(final KpiQueryService queries) {
        this.queries = queries;
    }

    @Get("/report")
    @Operation(summary = "The KPI report of EVENTS.md section 5: every KPI row, the breaches, the rejected count")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KpiReport.class)))
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing; retry after Retry-After seconds")
    public HttpResponse<?> report() {
        return QueryResponses.toHttp(queries.report());
    }

    @Get("/units/{unitId}/kpis")
    @Operation(summary = "One unit's KPI rows (every field and *, every period) with each KPI judged against its target")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KpiRowStatus[].class)))
    @ApiResponse(responseCode = "404", description = "No KPI row for this unit")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> unitRows(final String unitId) {
        return QueryResponses.toHttp(queries.unitRows(unitId));
    }

    @Get("/breaches")
    @Operation(summary = "The KPI rows below their targets with enough volume, in every period")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Breach[].class)))
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> breaches() {
        return QueryResponses.toHttp(queries.breaches());
    }

    @Get("/pipeline")
    @Operation(summary = "Rejected and duplicate deliveries counted so far, per source system")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PipelineCounts.class)))
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> pipeline() {
        return QueryResponses.toHttp(queries.pipelineCounts());
    }
}
