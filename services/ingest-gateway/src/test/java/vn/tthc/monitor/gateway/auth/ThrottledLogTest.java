package vn.tthc.monitor.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final ThrottledLog log = new ThrottledLog(Duration.ofMinutes(1), now::get);

    @Test
    void the_first_occurrence_is_logged_at_once_and_the_next_ones_of_the_minute_only_counted() {
        assertThat(log.occurred("401 10.0.0.1")).isEqualTo(OptionalLong.of(1));
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(log.occurred("401 10.0.0.1")).isEmpty();
        assertThat(log.occurred("401 10.0.0.1")).isEmpty();
    }

    @Test
    void a_minute_after_the_last_line_the_next_occurrence_is_logged_with_the_count_since() {
        log.occurred("429 so-tnmt");
        log.occurred("429 so-tnmt");
        log.occurred("429 so-tnmt");
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(log.occurred("429 so-tnmt")).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void each_key_has_its_own_minute() {
        assertThat(log.occurred("401 10.0.0.1")).isPresent();
        assertThat(log.occurred("401 10.0.0.2")).isPresent();
    }
}
