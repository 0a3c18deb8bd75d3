package vn.tthc.monitor.kpi.topology.verdicts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * In the task of the subtree rows: the latest {@link OpenCount} each unit of a subtree reported to its top unit for an
 * ended period, in {@link StoreCatalog#SUBTREE_VERDICT_OPEN_STORE} by {@code ["top","period","unit"]}, mirrored in
 * memory by (top, period) and rebuilt from the store when the task starts. Counts sent over another organisation are
 * dropped then; the counts of a (top, period) are forgotten once it is final, or at its cut-off.
 */
final class SubtreeOpenCounts {

    private final KeyValueStore<String, OpenCount> store;
    private final String tree;
    private final VerdictSettings settings;
    /** By verdict key {@code ["top","period"]}, by unit. */
    private final Map<String, Map<String, OpenCount>> byVerdictKey = new HashMap<>();

    SubtreeOpenCounts(final KeyValueStore<String, OpenCount> store, final String tree, final VerdictSettings settings) {
        this.store = store;
        this.tree = tree;
        this.settings = settings;
        final List<String> dropped = new ArrayList<>();
        try (KeyValueIterator<String, OpenCount> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (tree.equals(entry.value.tree())) {
                    remember(VerdictKeys.unitId(entry.key), entry.value);
                } else {
                    dropped.add(entry.key);
                }
            });
        }
        dropped.forEach(store::delete);
    }

    /** Keeps {@code count} of a unit under {@code top}, unless it was sent over another organisation. */
    void reported(final String top, final OpenCount count) {
        if (!tree.equals(count.tree())) {
            return;
        }
        final String key = KpiRowKeyFormat.withPart(VerdictKeys.of(top, count.period()), count.unitId());
        if (count.isEmpty()) {
            store.delete(key);
            final Map<String, OpenCount> units = byVerdictKey.get(VerdictKeys.of(top, count.period()));
            if (units != null && units.remove(count.unitId()) != null && units.isEmpty()) {
                byVerdictKey.remove(VerdictKeys.of(top, count.period()));
            }
        } else {
            store.put(key, count);
            remember(top, count);
        }
    }

    /** Forgets every count of (top, period): its rows are final, or past their cut-off. */
    void forget(final String top, final String period) {
        final Map<String, OpenCount> units = byVerdictKey.remove(VerdictKeys.of(top, period));
        if (units != null) {
            units.keySet().forEach(unit -> store.delete(KpiRowKeyFormat.withPart(VerdictKeys.of(top, period), unit)));
        }
    }

    /** Forgets the counts of the periods past their cut-off (their subtrees are final then, if they have rows). */
    void forgetPastCutOff(final Instant now) {
        for (final Map.Entry<String, Map<String, OpenCount>> entry : List.copyOf(byVerdictKey.entrySet())) {
            final String period = entry.getValue().values().iterator().next().period();
            if (!now.isBefore(settings.cutOff(Period.parse(period)))) {
                forget(VerdictKeys.unitId(entry.getKey()), period);
            }
        }
    }

    /** {@link #allClosed(KpiCounters, Collection)} over what the units of top's subtree reported for {@code period}. */
    boolean allClosed(final String top, final String period, final KpiCounters subtreeAllFields) {
        return allClosed(subtreeAllFields, byVerdictKey.getOrDefault(VerdictKeys.of(top, period), Map.of()).values());
    }

    /**
     * Whether every case received in an ended period by the units of a subtree is closed: the subtree has rows in the
     * period ({@code subtreeAllFields}, its {@code *} row, is not null), no unit reported an open one, and the units
     * that reported account for every case the subtree row counts as received in it. A unit that received a case in
     * the period and has not reported yet (its task checks by its own wall clock), or whose latest count predates a
     * case spread to the subtree since, leaves the sums apart: the subtree waits for it.
     */
    static boolean allClosed(final KpiCounters subtreeAllFields, final Collection<OpenCount> counts) {
        if (subtreeAllFields == null) {
            return false;
        }
        long received = 0;
        for (final OpenCount count : counts) {
            if (count.open() != 0) {
                return false;
            }
            received += count.received();
        }
        return received == subtreeAllFields.received();
    }

    private void remember(final String top, final OpenCount count) {
        byVerdictKey.computeIfAbsent(VerdictKeys.of(top, count.period()), any -> new HashMap<>()).put(count.unitId(), count);
    }
}
