package vn.tthc.monitor.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Decides when a repeated occurrence (failed logins from one address, 429s of one source) may be
 * logged: the first one at once, then at most one line per key and interval, which carries how
 * many occurred since the last line. Keys are bounded in number (the least recent are forgotten).
 */
public final class ThrottledLog {

    private static final long MAX_KEYS = 10_000;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Window> windows = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

    /** Occurrences of one key since its last logged line, and when that line was logged. */
    private static final class Window {
        private long loggedAt;
        private long count;

        Window(final long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }

    public ThrottledLog(final Duration interval, final LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Records one occurrence of {@code key}: the number of occurrences the line to log now stands
     * for (this one included), or empty when this one is only counted for the next line.
     */
    public OptionalLong occurred(final String key) {
        final long now = nanoTime.getAsLong();
        final Window window = windows.get(key, k -> new Window(now - intervalNanos));
        synchronized (window) {
            window.count++;
            if (now - window.loggedAt < intervalNanos) {
                return OptionalLong.empty();
            }
            final long count = window.count;
            window.loggedAt = now;
            window.count = 0;
            return OptionalLong.of(count);
        }
    }
}
