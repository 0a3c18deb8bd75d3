package vn.tthc.monitor.contract.evaluation;

import vn.tthc.monitor.contract.kpi.Kpi;

/**
 * One quality objective (one KPI of one field, or of all fields) of an evaluation: its figure in the period, in the
 * period before and in the same period a year before ({@code null} when that period has no row).
 */
public record Objective(String fieldId, Kpi kpi, Figure current, Figure previous, Figure yearBefore) {

    /** The objective's name: "Tỷ lệ hồ sơ giải quyết đúng hạn" for {@code onTimeRate}. */
    public String kpiName() {
        return kpiName(kpi);
    }

    /** The Vietnamese name of a KPI. */
    public static String kpiName(final Kpi kpi) {
        return kpi.vietnameseName();
    }

    /** "Tất cả lĩnh vực" for the unit's all-fields row, else the field's code. */
    public String fieldName() {
        return vn.tthc.monitor.contract.kpi.KpiRowKey.ALL_FIELDS.equals(fieldId) ? "Tất cả lĩnh vực" : fieldId;
    }
}
