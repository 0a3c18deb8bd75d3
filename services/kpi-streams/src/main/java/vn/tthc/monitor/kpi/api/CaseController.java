package vn.tthc.monitor.kpi.api;

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
import vn.tthc.monitor.kpi.query.CaseView;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/** Read-only case states: due times, pauses, classification. */
@Controller("/api/v1/cases")
// queries wait for the query pool (at most tthc.query.timeout): not on the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Cases")
public class CaseController {

    private final ClusterQueries queries;

    public CaseController(final ClusterQueries queries) {
        this.queries = queries;
    }

    @Get("/{caseId}")
    @Operation(summary = "One case: status now, due and effective due time, pauses, closing and classification, events")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @ApiResponse(responseCode = "404", description = "No event of this case has arrived")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> caseState(final String caseId) {
        return QueryResponses.toHttp(queries.caseView(caseId));
    }
}
