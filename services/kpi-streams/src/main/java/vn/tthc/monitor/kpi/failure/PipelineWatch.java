package vn.tthc.monitor.kpi.failure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the pipeline's Kafka Streams: answers every stream-thread failure as the {@link FailurePolicy}
 * says, remembers the failure that stopped the client, follows the state, and once it is ERROR exits the
 * process after {@code tthc.pipeline.failure.exit-grace} (when {@code exit} is on). In: Kafka Streams'
 * uncaught exceptions and state changes; out: {@link #fatalFailure()}, {@link #hasFailed()}, the metrics
 * {@code tthc_pipeline_failed} and {@code tthc_pipeline_thread_failures_total}, and the exit.
 */
@Singleton
public class PipelineWatch implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWatch.class);

    private final FailureConfiguration config;
    private final FailurePolicy policy;
    private final ProcessExit processExit;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private final AtomicReference<PipelineFailure> fatal = new AtomicReference<>();
    private final AtomicInteger replaced = new AtomicInteger();
    private final ScheduledExecutorService exitTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "pipeline-exit");
        thread.setDaemon(true);
        return thread;
    });

    public PipelineWatch(final FailureConfiguration config, final ProcessExit processExit, final Clock clock,
                         @Nullable final MeterRegistry registry) {
        this.config = config;
        this.policy = new FailurePolicy(config.maxReplacements(), config.replacementWindow());
        this.processExit = processExit;
        this.clock = clock;
        this.registry = registry;
        if (registry != null) {
            Gauge.builder("tthc.pipeline.failed", this, watch -> watch.hasFailed() ? 1 : 0)
                .description("1 when Kafka Streams stopped on a failure (ERROR): the process exits and is restarted, else 0")
                .register(registry);
        }
    }

    @Override
    public void onApplicationEvent(final BeforeKafkaStreamStart event) {
        event.getKafkaStreams().setUncaughtExceptionHandler(this::handle);
        event.getKafkaStreams().setStateListener((newState, oldState) -> changed(newState));
    }

    /** The failure that stopped Kafka Streams, once a stream thread failed in a way that is not replaced. */
    public Optional<PipelineFailure> fatalFailure() {
        return Optional.ofNullable(fatal.get());
    }

    /** True once the pipeline stopped on a failure: a fatal one was seen, or Kafka Streams is (going) in ERROR. */
    public boolean hasFailed() {
        final KafkaStreams.State now = state.get();
        return fatal.get() != null || now == KafkaStreams.State.PENDING_ERROR || now == KafkaStreams.State.ERROR;
    }

    public KafkaStreams.State state() {
        return state.get();
    }

    /** Stream threads that failed and were replaced since the start. */
    public int threadsReplaced() {
        return replaced.get();
    }

    StreamThreadExceptionResponse handle(final Throwable exception) {
        final PipelineFailure failure = PipelineFailure.of(exception, Thread.currentThread().getName(), clock.instant());
        final StreamThreadExceptionResponse response = policy.decide(exception, clock.instant());
        if (registry != null) {
            Counter.builder("tthc.pipeline.thread.failures")
                .description("stream threads that failed, by the innermost exception's class and the response")
                .tag("exception", failure.exceptionClass()).tag("response", response.name())
                .register(registry).increment();
        }
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            replaced.incrementAndGet();
            LOG.warn("stream thread failed, replaced by a new one: {}", failure.describe(), exception);
        } else {
            fatal.compareAndSet(null, failure);
            LOG.error("stream thread failed, the pipeline stops ({}): {}", response, failure.describe(), exception);
        }
        return response;
    }

    private void changed(final KafkaStreams.State newState) {
        state.set(newState);
        if (newState == KafkaStreams.State.ERROR && config.exit()) {
            LOG.error("Kafka Streams is in ERROR ({}); the process exits with status 1 in {}",
                fatalFailure().map(PipelineFailure::describe).orElse("no failure seen"), config.exitGrace());
            exitTimer.schedule(() -> processExit.exit(1), config.exitGrace().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void close() {
        exitTimer.shutdownNow();
    }
}
