package vn.tthc.monitor.contract.kpi;

import java.util.Comparator;

/**
 * Identifies one KPI row: a unit, a field ({@link #ALL_FIELDS} for the unit over all fields) and a period.
 */
public record KpiRowKey(String unitId, String fieldId, String period) implements Comparable<KpiRowKey> {

    /** The {@code fieldId} of a unit's row over all fields. */
    public static final String ALL_FIELDS = "*";

    private static final Comparator<KpiRowKey> ORDER = Comparator.comparing(KpiRowKey::unitId)
        .thenComparing(KpiRowKey::fieldId)
        .thenComparing(KpiRowKey::period);

    public boolean isAllFields() {
        return ALL_FIELDS.equals(fieldId);
    }

    @Override
    public int compareTo(final KpiRowKey other) {
        return ORDER.compare(this, other);
    }
}
