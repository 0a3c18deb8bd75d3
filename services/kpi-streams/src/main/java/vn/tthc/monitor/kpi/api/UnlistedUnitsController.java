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
import vn.tthc.monitor.kpi.query.UnlistedUnit;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/** The units seen in events that the organisation file misses, so that the file can be completed. */
@Controller("/api/v1")
// a scan of the KPI rows store on the query pool: not on the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organisation")
public class UnlistedUnitsController {

    private final ClusterQueries queries;

    public UnlistedUnitsController(final ClusterQueries queries) {
        this.queries = queries;
    }

    @Get("/units/unlisted")
    @Operation(summary = "The units seen in events (with own KPI rows) that the organisation file does not list, with"
        + " their row counts: they count in their own rows and in no subtree until the file lists them")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnlistedUnit[].class)))
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing")
    public HttpResponse<?> unlistedUnits() {
        return QueryResponses.toHttp(queries.unlistedUnits());
    }
}
