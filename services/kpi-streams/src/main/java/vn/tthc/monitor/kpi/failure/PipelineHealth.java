package vn.tthc.monitor.kpi.failure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The {@code pipeline} component of /health: DOWN with the cause (exception, message, task, processor)
 * once Kafka Streams stopped on a failure, UP otherwise; with the Kafka Streams state, the stream
 * threads replaced so far and when the process exits. micronaut-kafka's {@code kafkaStreams}
 * component turns DOWN too, but names the state only. It is the liveness check ({@code /health/liveness}): a failed
 * pipeline is not alive, one restoring its state is ({@link PipelineReadiness} says whether it is ready).
 */
@Singleton
@Liveness
@Requires(beans = HealthEndpoint.class)
public class PipelineHealth implements HealthIndicator {

    private final PipelineWatch watch;
    private final FailureConfiguration config;

    public PipelineHealth(final PipelineWatch watch, final FailureConfiguration config) {
        this.watch = watch;
        this.config = config;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", watch.state().name());
        details.put("threadsReplaced", watch.threadsReplaced());
        watch.fatalFailure().ifPresent(failure -> details.put("failure", failure.details()));
        if (watch.hasFailed() && config.exit()) {
            details.put("exit", "the process exits with status 1 " + config.exitGrace().toSeconds()
                + " s after Kafka Streams reached ERROR, to be restarted");
        }
        return Publishers.just(HealthResult.builder("pipeline", watch.hasFailed() ? HealthStatus.DOWN : HealthStatus.UP)
            .details(details).build());
    }
}
