package vn.tthc.monitor.kpi.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** Which stream-thread failures get a new thread and which stop the client. */
class FailurePolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    private final FailurePolicy policy = new FailurePolicy(3, Duration.ofMinutes(10));

    @Test
    void aBrokerTimeOutGetsANewThread() {
        assertThat(policy.decide(new StreamsException(new TimeoutException("no leader")), T0))
            .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anErrorOfTheProcessingStopsTheClient() {
        assertThat(policy.decide(new StreamsException(new IllegalArgumentException("not a period: '999'")), T0))
            .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void aRecordTooLargeToWriteStopsTheClient() {
        assertThat(policy.decide(new StreamsException(new RecordTooLargeException("412 bytes")), T0))
            .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void aStateStoreThatCannotBeWrittenStopsTheClient() {
        assertThat(policy.decide(new ProcessorStateException("cannot flush", new IOException("disk full")), T0))
            .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void theFourthTransientFailureWithinTheWindowStopsTheClient() {
        for (int minute = 0; minute < 3; minute++) {
            assertThat(policy.decide(new TimeoutException("t"), T0.plus(Duration.ofMinutes(minute))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(policy.decide(new TimeoutException("t"), T0.plus(Duration.ofMinutes(9))))
            .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void transientFailuresOlderThanTheWindowNoLongerCount() {
        for (int minute = 0; minute < 3; minute++) {
            policy.decide(new TimeoutException("t"), T0.plus(Duration.ofMinutes(minute)));
        }
        assertThat(policy.decide(new TimeoutException("t"), T0.plus(Duration.ofMinutes(11))))
            .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
