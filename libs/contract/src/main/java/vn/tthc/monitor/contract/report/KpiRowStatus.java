package vn.tthc.monitor.contract.report;

import java.util.List;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Targets;

/** A KPI row with each of its KPIs judged against the targets: what dashboards and alerts read. */
public record KpiRowStatus(String unitId, String fieldId, String period, KpiCounters counters,
                           List<KpiStatus> kpis) {

    public KpiRowStatus {
        kpis = List.copyOf(kpis);
    }

    public static KpiRowStatus of(final KpiRowKey key, final KpiCounters counters, final Targets targets) {
        return new KpiRowStatus(key.unitId(), key.fieldId(), key.period(), counters, targets.statuses(key, counters));
    }

    public KpiRowKey key() {
        return new KpiRowKey(unitId, fieldId, period);
    }
}
