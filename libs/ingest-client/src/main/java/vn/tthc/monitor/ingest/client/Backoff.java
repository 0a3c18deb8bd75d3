package vn.tthc.monitor.ingest.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: before retry {@code n} the ceiling is {@code initial × 2^(n-1)},
 * capped at {@code max}, and the wait is drawn between half the ceiling and the ceiling, so that
 * clients which failed together do not come back together.
 */
record Backoff(Duration initial, Duration max, RandomGenerator random) {

    Duration before(final int retry) {
        final long initialMillis = Math.max(1, initial.toMillis());
        final int doublings = Math.min(retry - 1, 30);
        final long ceiling = Math.min(max.toMillis(), initialMillis << doublings);
        final long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
