package vn.tthc.monitor.kpi.topology.forecast;

import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;

/**
 * The keys of {@link vn.tthc.monitor.kpi.topology.StoreCatalog#FORECAST_CASES_STORE}: a JSON array
 * {@code ["unit","field","caseId"]}, written as {@link KpiRowKeyFormat} writes row keys, so that
 * {@link KpiRowKeyFormat#unitPrefix} selects one unit's open cases with a prefix scan.
 */
public final class ForecastCaseKeys {

    private ForecastCaseKeys() {
    }

    public static String format(final String unitId, final String fieldId, final String caseId) {
        return KpiRowKeyFormat.format(new KpiRowKey(unitId, fieldId, caseId));
    }

    /** The field of a stored key. */
    public static String fieldId(final String key) {
        return KpiRowKeyFormat.parse(key).fieldId();
    }
}
