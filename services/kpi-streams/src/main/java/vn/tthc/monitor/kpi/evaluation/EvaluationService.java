package vn.tthc.monitor.kpi.evaluation;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.evaluation.EvaluationReport;
import vn.tthc.monitor.contract.evaluation.Finality;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.actions.ActionQueries;
import vn.tthc.monitor.kpi.actions.ActionStore;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;

/**
 * Builds a unit's evaluation for a period from the query API's answers: the unit's rows of the scope
 * ({@link ClusterQueries#unitRows(String, Scope)}: from whichever instance holds them) and the alerts, those of ended
 * periods included ({@link ClusterQueries#openAlerts(boolean)}: the newest {@value KpiQueryService#MAX_LISTED}, the
 * report says when that list was cut) and the corrective actions ({@link ActionQueries#latest()}: of every instance,
 * the latest {@value ActionStore#MAX_LISTED}), at the wall clock's time; labelled provisional or final as the query
 * API labels the rows ({@link ClusterQueries#unitVerdicts}: final once the verdict stage made them so, else
 * provisional until the cut-off). The unit's name comes from the organisation file; a unit neither listed nor with
 * rows is not found; any part not ready makes the whole not ready, naming that part.
 */
@Singleton
public class EvaluationService {

    private final ClusterQueries queries;
    private final Targets targets;
    private final Organisation organisation;
    private final VerdictSettings verdicts;
    private final Clock clock;
    private final ActionQueries actions;

    public EvaluationService(final ClusterQueries queries, final Targets targets, final Organisation organisation,
                             final VerdictSettings verdicts, final Clock clock, final ActionQueries actions) {
        this.actions = actions;
        this.queries = queries;
        this.targets = targets;
        this.organisation = organisation;
        this.verdicts = verdicts;
        this.clock = clock;
    }

    /** The evaluation of {@code unitId}'s rows of {@code scope} for {@code period}. */
    public QueryResult<EvaluationReport> evaluate(final String unitId, final Scope scope, final Period period) {
        final String name = organisation.unit(unitId).map(OrganisationUnit::name).orElse(unitId);
        final QueryResult<List<KpiRowStatus>> rows = queries.unitRows(unitId, scope);
        final Map<KpiRowKey, KpiCounters> counters = new HashMap<>();
        if (rows instanceof QueryResult.Found<List<KpiRowStatus>> found) {
            found.value().forEach(row -> counters.put(row.key(), row.counters()));
        } else if (rows instanceof QueryResult.NotFound<List<KpiRowStatus>> notFound) {
            if (organisation.unit(unitId).isEmpty()) {
                return new QueryResult.NotFound<>(notFound.what());
            }
        } else {
            return rows.map(none -> null);
        }
        final QueryResult<List<KpiAlert>> alerts = queries.openAlerts(true);
        final boolean cut = alerts instanceof QueryResult.Found<List<KpiAlert>> found && found.truncated();
        final QueryResult<List<CorrectiveAction>> recorded = actions.latest();
        if (!(recorded instanceof QueryResult.Found<List<CorrectiveAction>> foundActions)) {
            return recorded.map(none -> null);
        }
        final QueryResult<Map<String, VerdictState>> states = queries.unitVerdicts(unitId, scope);
        if (states instanceof QueryResult.NotReady<Map<String, VerdictState>>
            || states instanceof QueryResult.Overloaded<Map<String, VerdictState>>) {
            return states.map(none -> null);
        }
        final VerdictState state = states instanceof QueryResult.Found<Map<String, VerdictState>> found
            ? found.value().get(period.toString()) : null;
        final Finality finality = state != null && state.hasBecomeFinal() ? new Finality(false, state.finalAt())
            : new Finality(true, verdicts.cutOff(period));
        return alerts.map(list -> EvaluationReport.of(unitId, name, scope, period, counters, targets, list, cut,
            clock.instant(), finality, foundActions.value()));
    }
}
