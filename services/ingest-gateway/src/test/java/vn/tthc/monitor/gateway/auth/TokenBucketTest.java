package vn.tthc.monitor.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void a_full_bucket_serves_its_burst_then_says_how_long_until_the_next_token() {
        final TokenBucket bucket = new TokenBucket(3, 2.0, now::get);
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokens_come_back_at_the_rate_and_never_above_the_capacity() {
        final TokenBucket bucket = new TokenBucket(2, 10.0, now::get);
        bucket.tryTake();
        bucket.tryTake();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void each_source_has_its_own_bucket() {
        final RateLimits limits = new RateLimits(1, 1.0, now::get);
        assertThat(limits.tryTake("a")).isZero();
        assertThat(limits.tryTake("a")).isPositive();
        assertThat(limits.tryTake("b")).isZero();
    }
}
