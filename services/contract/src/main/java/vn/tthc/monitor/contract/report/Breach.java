package vn.tthc.monitor.contract.report;

import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;

/** A KPI row below its target with enough volume (EVENTS.md section 5). */
public record Breach(String unitId, String fieldId, String period, String kpi, double value, double target,
                     long volume) {

    public static Breach of(final KpiRowKey row, final KpiStatus status) {
        return new Breach(row.unitId(), row.fieldId(), row.period(), status.kpi().id(), status.value(),
            status.target().doubleValue(), status.volume());
    }
}
