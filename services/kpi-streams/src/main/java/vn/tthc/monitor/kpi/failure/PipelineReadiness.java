package vn.tthc.monitor.kpi.failure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * The {@code pipelineReady} component of {@code /health} and {@code /health/readiness}: UP once Kafka Streams is
 * RUNNING (its tasks assigned and their state restored), DOWN while it starts, rebalances or restores (the queries
 * then answer 503) and after a failure. Live but not ready is a restoring instance: {@code /health/liveness} stays UP
 * ({@link PipelineHealth}).
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
public class PipelineReadiness implements HealthIndicator {

    private final KafkaStreams streams;

    public PipelineReadiness(final KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        final KafkaStreams.State state = streams.state();
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        if (state != KafkaStreams.State.RUNNING) {
            details.put("reason", state == KafkaStreams.State.REBALANCING || state == KafkaStreams.State.CREATED
                ? "tasks being assigned or their state restored: the queries answer 503 meanwhile"
                : "Kafka Streams is not running");
        }
        return Publishers.just(HealthResult.builder("pipelineReady",
            state == KafkaStreams.State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN).details(details).build());
    }
}
