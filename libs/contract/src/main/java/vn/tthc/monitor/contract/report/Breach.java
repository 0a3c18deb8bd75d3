package vn.tthc.monitor.contract.report;

import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Scope;

/** A KPI row below its target with enough volume (EVENTS.md section 5), with the scope of its row. */
public record Breach(String unitId, String fieldId, String period, Scope scope, String kpi, double value,
                     double target, long volume) {

    public static Breach of(final KpiRowKey row, final Scope scope, final KpiStatus status) {
        return new Breach(row.unitId(), row.fieldId(), row.period(), scope, status.kpi().id(), status.value(),
            status.target().doubleValue(), status.volume());
    }
}
