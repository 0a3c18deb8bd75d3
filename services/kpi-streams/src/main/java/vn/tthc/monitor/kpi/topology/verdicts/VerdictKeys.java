package vn.tthc.monitor.kpi.topology.verdicts;

import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;

/**
 * The keys of the verdict stage's stores: a JSON array {@code ["unit","period"]} (verdict states), or
 * {@code ["top","period","unit"]} (the open counts a subtree's units reported), written as {@link KpiRowKeyFormat}
 * writes row keys, so that {@link KpiRowKeyFormat#unitPrefix} selects one unit's with a prefix scan. {@code ["",""]} (no unit has an empty id)
 * marks a verdict store as seeded from the rows that were there before the stage.
 */
public final class VerdictKeys {

    static final String SEEDED = of("", "");

    private VerdictKeys() {
    }

    /** {@code ["unit","part"]}. */
    public static String of(final String unitId, final String part) {
        final String prefix = KpiRowKeyFormat.unitPrefix(unitId);
        return KpiRowKeyFormat.withPart(prefix.substring(0, prefix.length() - 1) + "]", part);
    }

    /** The unit of a key. */
    static String unitId(final String key) {
        return KpiRowKeyFormat.firstPart(key);
    }
}
