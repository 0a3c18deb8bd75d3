package vn.tthc.monitor.kpi.actions;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Optional;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.instances.InstanceRouter;
import vn.tthc.monitor.kpi.query.instances.Wire;

/**
 * This instance's own corrective actions, for the other instances ({@link ActionQueries}), in the {@link Wire}
 * envelope, as {@code InstanceQueryController} answers the KPI queries: an alert's action only while this instance
 * still holds the alert key's partition, else "not ready" (never "not found" for an action held elsewhere). The
 * province's users and the operator may call it (UnitSecurityRule: any other API path).
 */
@Controller(ActionQueries.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Hidden
public class ActionInstanceController {

    private final ActionStore local;
    private final InstanceRouter router;

    public ActionInstanceController(final ActionStore local, final InstanceRouter router) {
        this.local = local;
        this.router = router;
    }

    @Get
    public String latest() {
        return Wire.encode(local.latest());
    }

    @Get("/{alertKey}")
    public String current(final String alertKey) {
        final Optional<List<String>> key = AlertKeys.parse(alertKey);
        if (key.isEmpty()) {
            return Wire.encode(new QueryResult.NotFound<>("alert key " + alertKey + " (not an alert key)"));
        }
        final String text = AlertKeys.text(key.get());
        if (!router.holds(ActionTopology.STORE, text)) {
            return Wire.encode(new QueryResult.NotReady<>("this instance no longer holds " + text + " in "
                + ActionTopology.STORE + " (rebalancing)"));
        }
        return Wire.encode(local.get(key.get()));
    }
}
