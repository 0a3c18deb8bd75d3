package vn.tthc.monitor.kpi.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiCounters;

/**
 * A store of KPI counters (rows, or a child's part of a subtree row) with the ones read and written most recently
 * kept decoded in memory: the rows of the current periods change with nearly every event, and reading each back from
 * the store decodes it every time. Writes go to the store at once (a row that returns to zero is deleted), so the
 * store stays what exactly-once commits. A processor {@link #clear}s it when its task starts again.
 */
public final class DecodedRows {

    private final KeyValueStore<String, KpiCounters> store;
    private final Map<String, KpiCounters> recent;

    /** {@code capacity}: how many decoded rows to keep, the least recently used leaving first. */
    public DecodedRows(final KeyValueStore<String, KpiCounters> store, final int capacity) {
        this.store = store;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, KpiCounters> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The row's counters, {@link KpiCounters#ZERO} when it has none. */
    public KpiCounters get(final String key) {
        final KpiCounters decoded = recent.get(key);
        if (decoded != null) {
            return decoded;
        }
        final KpiCounters stored = store.get(key);
        return stored == null ? KpiCounters.ZERO : stored;
    }

    /** Stores the row's counters; deletes it when they are all zero. */
    public void put(final String key, final KpiCounters counters) {
        if (counters.isZero()) {
            store.delete(key);
        } else {
            store.put(key, counters);
        }
        recent.put(key, counters);
    }

    /** Forgets what memory holds (a task revived after an aborted transaction reads the store again). */
    public void clear() {
        recent.clear();
    }
}
