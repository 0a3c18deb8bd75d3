package vn.tthc.monitor.contract.report;

import java.util.List;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Targets;

/** A KPI row with each of its KPIs judged against the targets: what dashboards and alerts read. */
public record KpiRowStatus(String unitId, String fieldId, String period, Scope scope, KpiCounters counters,
                           List<KpiStatus> kpis) {

    public KpiRowStatus {
        scope = scope == null ? Scope.OWN : scope;
        kpis = List.copyOf(kpis);
    }

    /** An own row. */
    public KpiRowStatus(final String unitId, final String fieldId, final String period, final KpiCounters counters,
                        final List<KpiStatus> kpis) {
        this(unitId, fieldId, period, Scope.OWN, counters, kpis);
    }

    public static KpiRowStatus of(final KpiRowKey key, final KpiCounters counters, final Targets targets) {
        return of(key, Scope.OWN, counters, targets);
    }

    public static KpiRowStatus of(final KpiRowKey key, final Scope scope, final KpiCounters counters,
                                  final Targets targets) {
        return new KpiRowStatus(key.unitId(), key.fieldId(), key.period(), scope, counters,
            targets.statuses(key, counters));
    }

    public KpiRowKey key() {
        return new KpiRowKey(unitId, fieldId, period);
    }
}
