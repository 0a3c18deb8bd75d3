package vn.tthc.monitor.kpi.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.report.Breach;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.OverdueCase;
import vn.tthc.monitor.kpi.query.PipelineCounts;
import vn.tthc.monitor.kpi.query.UnitOpenCase;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/** Read-only KPIs: the section-5 report, one unit's rows and overdue cases, open-case counts, breaches, intake counts. */
@Controller("/api/v1")
// queries wait for the query pool (at most tthc.query.timeout): not on the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class KpiController {

    private final ClusterQueries queries;
    private final UnitRowsView rowsView;

    public KpiController(final ClusterQueries queries, final UnitRowsView rowsView) {
        this.queries = queries;
        this.rowsView = rowsView;
    }

    @Get("/report")
    @Operation(summary = "The KPI report of EVENTS.md section 5: every KPI row, the breaches, the rejected count")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KpiReport.class)))
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing; retry after Retry-After seconds")
    public HttpResponse<?> report() {
        return QueryResponses.toHttp(queries.report());
    }

    @Get("/units/{unitId}/kpis{?scope}")
    @Operation(summary = "One unit's KPI rows (every field and *, every period) with each KPI judged against its target:"
        + " its own cases (scope=own, the default) or the unit and every unit under it (scope=subtree)",
        description = "Each KPI carries allowance (further bad outcomes the period can absorb and still meet the target;"
            + " null when the target is 0), toRecover (below target: consecutive good outcomes needed to get back) and"
            + " recoverable (false when a target of 1 is lost for the period). The on-time KPI also carries forecast: the"
            + " end-of-period forecast of the on-time rate (unrounded expected rate) for a row of a current period (of a"
            + " subtree row: with the open cases of the whole subtree), computed at the time of the request; null for the other rows. Each row carries finality: provisional, or"
            + " final from finalFrom, 10 working days after its period (a label: the counting never changes).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KpiRowStatus[].class)))
    @ApiResponse(responseCode = "400", description = "scope is neither own nor subtree")
    @ApiResponse(responseCode = "404", description = "No KPI row of this scope for this unit")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> unitRows(final String unitId, @Nullable final String scope) {
        if (scope == null || scope.equals(Scope.OWN.wireName())) {
            return QueryResponses.toHttp(rowsView.of(unitId, queries.unitRows(unitId, Scope.OWN)));
        }
        if (scope.equals(Scope.SUBTREE.wireName())) {
            return QueryResponses.toHttp(rowsView.of(unitId, queries.unitRows(unitId, Scope.SUBTREE)));
        }
        return HttpResponse.badRequest(Map.of("error", "scope must be own or subtree, was " + scope,
            "message", "Tham số scope phải là own (hồ sơ của chính đơn vị) hoặc subtree (đơn vị và các đơn vị trực thuộc)."));
    }

    @Get("/units/{unitId}/open-cases{?state}")
    @Operation(summary = "One unit's open cases (in progress, due soon, waiting on the citizen, overdue) with their"
        + " effective due time and remaining working time, the soonest due first; state= keeps one state only")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnitOpenCase[].class)))
    @ApiResponse(responseCode = "404", description = "The unit has no open case")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> unitOpenCases(final String unitId, @Nullable final UnitOpenCase.State state) {
        return QueryResponses.toHttp(queries.unitOpenCases(unitId, state));
    }

    @Get("/units/{unitId}/overdue-cases")
    @Operation(summary = "One unit's open cases past their effective due time (đang xử lý quá hạn), most overdue first")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OverdueCase[].class)))
    @ApiResponse(responseCode = "404", description = "The unit has no open case")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> overdueCases(final String unitId) {
        return QueryResponses.toHttp(queries.overdueCases(unitId));
    }

    @Get("/open-cases")
    @Operation(summary = "Each unit's open cases now: all, waiting on the citizen, due soon, overdue")
    @ApiResponse(responseCode = "200", description = "Counts by unit id")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> openCases() {
        return QueryResponses.toHttp(queries.openCaseCounts());
    }

    @Get("/alerts{?includeStale}")
    @Operation(summary = "The alerts open now (KPI rows in breach with enough volume, and forecasts below target:"
        + " kind AT_RISK), newest first; those of ended periods only with includeStale=true")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KpiAlert[].class)))
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> alerts(@Nullable final Boolean includeStale) {
        return QueryResponses.toHttp(queries.openAlerts(Boolean.TRUE.equals(includeStale)));
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
