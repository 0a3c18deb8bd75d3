package vn.tthc.monitor.gateway.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled continuously at
 * {@code tokensPerSecond}; each request takes one. The time source ({@code nanoTime}) is passed
 * in so the rule can be tested without waiting.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;

    public TokenBucket(final long capacity, final double tokensPerSecond, final LongSupplier nanoTime) {
        if (capacity < 1 || !(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.lastRefill = nanoTime.getAsLong();
    }

    /** Takes one token if there is one: {@link Duration#ZERO}; otherwise how long until there will be one. */
    public synchronized Duration tryTake() {
        final long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
