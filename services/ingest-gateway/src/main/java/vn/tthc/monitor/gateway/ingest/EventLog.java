package vn.tthc.monitor.gateway.ingest;

import java.util.concurrent.CompletableFuture;

/** Where accepted events go: the events topic. Completes when the broker has acknowledged the record. */
public interface EventLog {

    CompletableFuture<Void> append(String key, byte[] value);
}
