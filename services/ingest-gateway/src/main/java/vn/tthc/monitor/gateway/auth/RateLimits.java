package vn.tthc.monitor.gateway.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** One {@link TokenBucket} per source system, all with the same rate and burst. */
public final class RateLimits {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final long burst;
    private final double perSecond;
    private final LongSupplier nanoTime;

    public RateLimits(final long burst, final double perSecond, final LongSupplier nanoTime) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** {@link Duration#ZERO} if the source may send a request now, else how long it must wait. */
    public Duration tryTake(final String source) {
        return buckets.computeIfAbsent(source, s -> new TokenBucket(burst, perSecond, nanoTime)).tryTake();
    }
}
