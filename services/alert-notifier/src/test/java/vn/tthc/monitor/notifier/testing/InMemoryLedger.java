package vn.tthc.monitor.notifier.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.tthc.monitor.notifier.delivery.Ledger;

/** A ledger kept in memory; a test "restarts" by giving the same ledger to a new notifier. */
public final class InMemoryLedger implements Ledger {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Override
    public boolean contains(final String key) {
        return entries.containsKey(key);
    }

    @Override
    public void record(final String key, final Entry entry) {
        entries.put(key, entry);
    }

    public Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }
}
