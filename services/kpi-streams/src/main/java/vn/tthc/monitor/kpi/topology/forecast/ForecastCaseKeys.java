package vn.tthc.monitor.kpi.topology.forecast;

import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;

/**
 * The keys of {@link vn.tthc.monitor.kpi.topology.StoreCatalog#FORECAST_CASES_STORE}: a JSON array
 * {@code ["unit","field","caseId"]}, written as {@link KpiRowKeyFormat} writes row keys, so that
 * {@link KpiRowKeyFormat#unitPrefix} selects one unit's open cases with a prefix scan, and {@link #pastUnit} skips
 * them.
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

    /** The unit of a stored key. */
    static String unitId(final String key) {
        return KpiRowKeyFormat.firstPart(key);
    }

    /**
     * The least text above every key of the unit (all of which start with {@link KpiRowKeyFormat#unitPrefix}, ending
     * in a comma) that starts no key of the unit: the prefix with its comma raised to the next character, {@code -}.
     * In the stores' order (the keys' UTF-8 bytes) the unit's keys are exactly those from the prefix to this text.
     */
    static String pastUnit(final String unitId) {
        final String prefix = KpiRowKeyFormat.unitPrefix(unitId);
        return prefix.substring(0, prefix.length() - 1) + (char) (',' + 1);
    }
}
