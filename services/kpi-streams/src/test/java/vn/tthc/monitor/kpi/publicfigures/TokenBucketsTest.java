package vn.tthc.monitor.kpi.publicfigures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(2, 0.5, 2, nanos::get);

    @Test
    void aFullBucketServesItsCapacityThenSaysHowLongToWait() {
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).contains(Duration.ofSeconds(2));
        nanos.addAndGet(Duration.ofMillis(1500).toNanos());
        assertThat(buckets.take("a")).contains(Duration.ofMillis(500));
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("b")).as("another client has its own bucket").isEmpty();
    }

    @Test
    void refillsNoFurtherThanItsCapacityAndForgetsTheLeastRecentClient() {
        buckets.take("a");
        buckets.take("a");
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isPresent();
        buckets.take("b");
        buckets.take("c");
        assertThat(buckets.take("a")).as("a was dropped (two clients kept): it starts full again").isEmpty();
    }
}
