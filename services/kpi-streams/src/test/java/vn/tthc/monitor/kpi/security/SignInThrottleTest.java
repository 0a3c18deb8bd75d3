package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T02:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fiveFailuresLockTheUsernameFromThatAddressUntilTheWindowEnds() {
        for (int i = 0; i < SignInThrottle.MAX_PER_USER - 1; i++) {
            throttle.failed("Ward-Head", "10.0.0.1");
        }
        assertThat(throttle.locked("ward-head", "10.0.0.1")).isFalse();
        throttle.failed("ward-head", "10.0.0.1");
        assertThat(throttle.locked("WARD-HEAD", "10.0.0.1")).isTrue();
        assertThat(throttle.locked("ward-head", "10.0.0.2")).as("another address").isFalse();
        assertThat(throttle.locked("province", "10.0.0.1")).as("another user").isFalse();
        clock.advance(SignInThrottle.WINDOW.minusSeconds(1));
        assertThat(throttle.locked("ward-head", "10.0.0.1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.locked("ward-head", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessForgetsTheUsersFailuresButNotTheAddresss() {
        for (int i = 0; i < SignInThrottle.MAX_PER_USER - 1; i++) {
            throttle.failed("ward-head", "10.0.0.1");
        }
        throttle.succeeded("ward-head", "10.0.0.1");
        throttle.failed("ward-head", "10.0.0.1");
        assertThat(throttle.locked("ward-head", "10.0.0.1")).isFalse();
    }

    @Test
    void manyUsernamesFromOneAddressLockTheAddress() {
        for (int i = 0; i < SignInThrottle.MAX_PER_ADDRESS; i++) {
            throttle.failed("guess-" + i, "203.0.113.9");
        }
        assertThat(throttle.locked("a-new-name", "203.0.113.9")).isTrue();
        assertThat(throttle.locked("a-new-name", "203.0.113.10")).isFalse();
    }

    @Test
    void theCountersStayBoundedUnderAFloodFromEverywhere() {
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES; i++) {
            throttle.failed("u" + i, "198.51." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(SignInThrottle.MAX_ENTRIES + 1);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(final Instant now) {
            this.now = now;
        }

        void advance(final Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }
    }
}
