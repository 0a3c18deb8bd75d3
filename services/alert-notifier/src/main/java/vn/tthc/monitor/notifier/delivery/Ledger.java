package vn.tthc.monitor.notifier.delivery;

import java.time.Instant;

/**
 * What has been told: the idempotency keys of finished deliveries and the keys of case warnings
 * whose digest went out. Durable (the {@code tthc-notifications} topic), read back on start.
 */
public interface Ledger {

    boolean contains(String key);

    void record(String key, Entry entry);

    /**
     * Waits until what was recorded is durable, so that another notifier taking over sees it; a durable ledger
     * (the topic) waits for its appends, one in memory has nothing to wait for.
     */
    default void flush() {
    }

    /**
     * @param kind      the notification kind's tag, or {@code warning} for a warning told in a digest
     * @param channel   the channel's tag; null for a warning
     * @param recipient the address; null for a warning
     */
    record Entry(String kind, String unitId, String channel, String recipient, Instant at) {
    }
}
