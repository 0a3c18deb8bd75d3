package vn.tthc.monitor.kpi.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** What is kept of the exception that ended a stream thread. */
class PipelineFailureTest {

    private static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void theRootCauseTheTaskAndTheProcessorAreKept() {
        final StreamsException exception = new StreamsException("Exception caught in process. taskId=0_1, "
            + "processor=track-alerts, topic=t, partition=1, offset=7",
            new IllegalArgumentException("not a period: '999'"), new TaskId(0, 1));

        final PipelineFailure failure = PipelineFailure.of(exception, "StreamThread-1", AT);

        assertThat(failure).isEqualTo(new PipelineFailure("java.lang.IllegalArgumentException", "not a period: '999'",
            "0_1", "track-alerts", "StreamThread-1", AT));
        assertThat(failure.describe())
            .isEqualTo("java.lang.IllegalArgumentException: not a period: '999' (task 0_1, processor track-alerts)");
    }

    @Test
    void aTaskNamedOnlyInTheMessageIsKept() {
        final StreamsException exception = new StreamsException("Error encountered sending record to topic t for task 0_3 "
            + "due to: ...", new RecordTooLargeException("too big"));

        assertThat(PipelineFailure.of(exception, "StreamThread-1", AT).taskId()).isEqualTo("0_3");
    }

    @Test
    void aFailureWithoutTaskOrProcessorSaysOnlyWhatItIs() {
        final PipelineFailure failure = PipelineFailure.of(new RecordTooLargeException("too big"), "StreamThread-2", AT);

        assertThat(failure.describe()).isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException: too big");
        assertThat(failure.details()).containsOnlyKeys("exception", "message", "thread", "at");
    }
}
