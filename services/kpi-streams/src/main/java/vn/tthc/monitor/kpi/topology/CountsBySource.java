package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.state.KeyValueStore;

/** Counts records per source system in a store; records without a readable {@code source} count under "". */
public record CountsBySource(KeyValueStore<String, Long> store) {

    static final String UNKNOWN_SOURCE = "";

    public void increment(final String source) {
        add(source, 1);
    }

    public void add(final String source, final long delta) {
        final String key = source == null ? UNKNOWN_SOURCE : source;
        final Long count = store.get(key);
        store.put(key, count == null ? delta : count + delta);
    }
}
