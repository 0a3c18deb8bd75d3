package vn.tthc.monitor.kpi.actions;

import jakarta.inject.Singleton;
import java.util.List;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;
import vn.tthc.monitor.kpi.query.instances.InstanceRouter;
import vn.tthc.monitor.kpi.query.instances.Wire;

/**
 * The corrective actions of every alert, whichever instance is asked, as {@link ClusterQueries} answers the KPI
 * queries: an alert's action from the instance that holds the alert key's partition of {@link ActionTopology#STORE}
 * ({@link InstanceRouter#fromOwner}), the list of current actions gathered from every instance
 * ({@link InstanceRouter#fromEveryInstance}) and merged, the latest recorded first. An instance not ready, or
 * partitions moving meanwhile, make the answer "not ready", naming that part: never a partial list.
 */
@Singleton
public class ActionQueries {

    /** Where an instance answers the others from its own {@link ActionStore} ({@link ActionInstanceController}). */
    static final String PATH = ClusterQueries.PATH + "/actions";

    private final ActionStore local;
    private final InstanceRouter router;

    public ActionQueries(final ActionStore local, final InstanceRouter router) {
        this.local = local;
        this.router = router;
    }

    /** The current action of the alert; not found when nothing was recorded for it. */
    public QueryResult<CorrectiveAction> current(final List<String> alertKey) {
        final String key = AlertKeys.text(alertKey);
        return router.fromOwner(ActionTopology.STORE, key, PATH + "/" + Wire.segment(key),
            Wire.type(CorrectiveAction.class), () -> local.get(alertKey));
    }

    /** Every current action, the latest recorded first, at most {@value ActionStore#MAX_LISTED}. */
    public QueryResult<List<CorrectiveAction>> latest() {
        final QueryResult<List<QueryResult.Found<List<CorrectiveAction>>>> parts =
            router.fromEveryInstance(PATH, Wire.listOf(CorrectiveAction.class), local::latest);
        if (parts instanceof QueryResult.Found<List<QueryResult.Found<List<CorrectiveAction>>>> found) {
            return LatestActions.merged(found.value(), ActionStore.MAX_LISTED);
        }
        return parts.map(none -> List.of());
    }
}
