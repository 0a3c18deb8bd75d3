package vn.tthc.monitor.contract.org;

import java.util.HashMap;
import java.util.Map;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * The roll-up of EVENTS.md section 6: own rows and an organisation go in, the subtree rows come out. Each
 * counter of the subtree row (unit, field, period) of a unit with children is the sum of that counter in the
 * own rows (field, period) of the unit and all its descendants; a subtree row whose counters are all zero
 * is left out; units not listed enter no subtree.
 */
public final class SubtreeRows {

    private SubtreeRows() {
    }

    /** The subtree rows of {@code ownRows}, by the key of each (the unit being the subtree's top unit). */
    public static Map<KpiRowKey, KpiCounters> of(final Map<KpiRowKey, KpiCounters> ownRows, final Organisation organisation) {
        final Map<KpiRowKey, KpiCounters> subtree = new HashMap<>();
        ownRows.forEach((own, counters) -> {
            for (final String unitId : organisation.subtreesCounting(own.unitId())) {
                subtree.merge(new KpiRowKey(unitId, own.fieldId(), own.period()), counters, KpiCounters::plus);
            }
        });
        subtree.values().removeIf(KpiCounters::isZero);
        return subtree;
    }
}
