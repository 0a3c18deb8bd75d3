package vn.tthc.monitor.kpi.failure;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * For a command that runs the pipeline in its own JVM and waits on it (the replay, the benchmarks):
 * each {@link #check} throws {@link PipelineStoppedException} once Kafka Streams stopped (with the
 * failure's class, message, task and processor) or once the progress the command passes in has not
 * changed for the stall timeout. In: the pipeline's application context and a progress mark; out:
 * nothing, or the exception.
 */
public final class PipelineGuard {

    private final PipelineWatch watch;
    private final KafkaStreams streams;
    private final Duration stallTimeout;
    private Object lastProgress;
    private long lastChange = System.nanoTime();

    public PipelineGuard(final ApplicationContext pipeline, final Duration stallTimeout) {
        this.watch = pipeline.getBean(PipelineWatch.class);
        this.streams = pipeline.getBean(KafkaStreams.class);
        this.stallTimeout = stallTimeout;
    }

    /**
     * @param progress anything that changes while the work goes on (counts of records produced and processed)
     * @param waitingFor what the command waits for, for the stall message
     */
    public void check(final Object progress, final String waitingFor) {
        if (watch.hasFailed()) {
            throw new PipelineStoppedException("the KPI pipeline stopped on a failure: "
                + watch.fatalFailure().map(PipelineFailure::describe).orElse("Kafka Streams is in " + watch.state()));
        }
        final KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.NOT_RUNNING) {
            throw new PipelineStoppedException("the KPI pipeline stopped: Kafka Streams is " + state);
        }
        if (!Objects.equals(progress, lastProgress)) {
            lastProgress = progress;
            lastChange = System.nanoTime();
        } else if (System.nanoTime() - lastChange > stallTimeout.toNanos()) {
            throw new PipelineStoppedException("no progress for " + stallTimeout.toSeconds() + " s while waiting for "
                + waitingFor + " (Kafka Streams " + state + "); see the log above, or raise --stall-timeout");
        }
    }
}
