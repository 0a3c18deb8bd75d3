package vn.tthc.monitor.contract.evaluation;

import java.time.Instant;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Kpi;

/**
 * A breach or a forecast warning of the period, as the evaluation lists it: when it was raised and, once
 * resolved, when; its value at its last record. No case ids: the report is about aggregates.
 */
public record AlertEntry(String fieldId, Kpi kpi, AlertKind kind, Instant raisedAt, Instant resolvedAt, Double value,
                         double target, long volume) {

    public static AlertEntry of(final KpiAlert alert) {
        return new AlertEntry(alert.fieldId(), Kpi.fromId(alert.kpi()), alert.kind(), alert.raisedAt(),
            alert.state() == AlertState.RESOLVED ? alert.triggeredAt() : null, alert.value(), alert.target(),
            alert.volume());
    }

    /** "Vi phạm chỉ tiêu" for a breach, "Cảnh báo nguy cơ không đạt" for a forecast warning. */
    public String kindName() {
        return kind == AlertKind.AT_RISK ? "Cảnh báo nguy cơ không đạt" : "Vi phạm chỉ tiêu";
    }
}
