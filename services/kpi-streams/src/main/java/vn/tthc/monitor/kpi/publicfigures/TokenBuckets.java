package vn.tthc.monitor.kpi.publicfigures;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each holds at most {@code capacity} tokens and gains {@code perSecond} a second; a
 * request takes one or is refused with the wait until the next. At most {@code maxClients} buckets are kept (the
 * least recently used is dropped: a client forgotten starts full again), so that many addresses cannot grow memory
 * without bound. Time comes from {@code nanoTime}, so that tests drive it.
 */
public final class TokenBuckets {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<String, double[]> buckets;

    public TokenBuckets(final int capacity, final double perSecond, final int maxClients, final LongSupplier nanoTime) {
        if (capacity < 1 || perSecond <= 0 || maxClients < 1) {
            throw new IllegalArgumentException("capacity and maxClients at least 1, perSecond above 0");
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, double[]> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes a token of {@code client}'s bucket: empty when it had one, else how long until it has one. */
    public synchronized java.util.Optional<Duration> take(final String client) {
        final long now = nanoTime.getAsLong();
        final double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {capacity, now});
        final double tokens = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * perNano);
        bucket[1] = now;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return java.util.Optional.empty();
        }
        bucket[0] = tokens;
        return java.util.Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
    }
}
