package vn.tthc.monitor.kpi.console;

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
import vn.tthc.monitor.kpi.api.QueryResponses;
import vn.tthc.monitor.kpi.query.UnitOpenCasesQuery;
import vn.tthc.monitor.kpi.query.UnitOpenCasesQuery.UnitOpenCase;

/** One unit's open cases with where each stands: the console's unit page (Đơn vị) lists them. */
@Controller("/api/v1")
// queries wait for the query pool (at most tthc.query.timeout): not on the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class UnitOpenCasesController {

    private final UnitOpenCasesQuery query;

    public UnitOpenCasesController(final UnitOpenCasesQuery query) {
        this.query = query;
    }

    @Get("/units/{unitId}/open-cases")
    @Operation(summary = "One unit's open cases now: overdue, due soon, in progress, waiting on the citizen (most urgent"
        + " first), with the effective due time and the working time left")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnitOpenCase[].class)))
    @ApiResponse(responseCode = "404", description = "The unit has no open case")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> openCases(final String unitId) {
        return QueryResponses.toHttp(query.openCases(unitId));
    }
}
