package vn.tthc.monitor.kpi.query.instances;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.function.Supplier;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.UnitOpenCase;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * This instance's own answers, for the other instances ({@link InstanceRouter}), in the {@link Wire} envelope: read
 * from the local stores only. An answer for one key is given only while this instance still holds the key, else
 * "not ready" (the partition moved: never "not found" for a key held elsewhere). The province's users and the
 * operator may call it (UnitSecurityRule: any other API path); instances call it with the operator key.
 */
@Controller(ClusterQueries.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Hidden
public class InstanceQueryController {

    private final KpiQueryService local;
    private final InstanceRouter router;

    public InstanceQueryController(final KpiQueryService local, final InstanceRouter router) {
        this.local = local;
        this.router = router;
    }

    @Get("/report")
    public String report() {
        return Wire.encode(local.report().map(Parts.ReportPart::of));
    }

    @Get("/units/{unitId}/rows{?scope}")
    public String unitRows(final String unitId, @Nullable final String scope) {
        final Scope which = Scope.SUBTREE.wireName().equals(scope) ? Scope.SUBTREE : Scope.OWN;
        return held(which == Scope.SUBTREE ? StoreCatalog.SUBTREE_ROWS_STORE : StoreCatalog.KPI_ROWS_STORE, unitId,
            () -> local.unitRows(unitId, which).map(Parts.RowEntry::of));
    }

    @Get("/units/{unitId}/forecasts")
    public String unitForecasts(final String unitId) {
        return held(StoreCatalog.KPI_ROWS_STORE, unitId, () -> local.unitForecasts(unitId).map(Parts.ForecastEntry::of));
    }

    @Get("/units/{unitId}/subtree-forecasts")
    public String subtreeForecasts(final String unitId) {
        return held(StoreCatalog.SUBTREE_ROWS_STORE, unitId, () -> local.subtreeForecasts(unitId).map(Parts.ForecastEntry::of));
    }

    @Get("/units/{unitId}/verdicts{?scope}")
    public String unitVerdicts(final String unitId, @Nullable final String scope) {
        final Scope which = Scope.SUBTREE.wireName().equals(scope) ? Scope.SUBTREE : Scope.OWN;
        return held(which == Scope.SUBTREE ? StoreCatalog.SUBTREE_ROWS_STORE : StoreCatalog.KPI_ROWS_STORE, unitId,
            () -> local.unitVerdicts(unitId, which));
    }

    @Get("/units/{unitId}/open-cases{?state}")
    public String unitOpenCases(final String unitId, @Nullable final UnitOpenCase.State state) {
        return Wire.encode(local.unitOpenCases(unitId, state));
    }

    @Get("/units/{unitId}/overdue-cases")
    public String overdueCases(final String unitId) {
        return Wire.encode(local.overdueCases(unitId));
    }

    @Get("/open-cases")
    public String openCases() {
        return Wire.encode(local.openCaseCounts());
    }

    @Get("/alerts{?includeStale}")
    public String alerts(@Nullable final Boolean includeStale) {
        return Wire.encode(local.openAlerts(Boolean.TRUE.equals(includeStale)));
    }

    @Get("/unlisted-units")
    public String unlistedUnits() {
        return Wire.encode(local.unlistedUnits());
    }

    @Get("/pipeline")
    public String pipeline() {
        return Wire.encode(local.pipelineCounts());
    }

    @Get("/cases/{caseId}")
    public String caseView(final String caseId) {
        return held(StoreCatalog.CASE_HISTORIES_STORE, caseId, () -> local.caseView(caseId));
    }

    private String held(final String store, final String key, final Supplier<QueryResult<?>> answer) {
        if (!router.holds(store, key)) {
            return Wire.encode(new QueryResult.NotReady<>("this instance no longer holds " + key + " in " + store
                + " (rebalancing)"));
        }
        return Wire.encode(answer.get());
    }
}
