package vn.tthc.monitor.gateway.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.reactivestreams.Publisher;
import vn.tthc.monitor.gateway.config.GatewayConfiguration;

/** UP when the broker answers within 3 s and the events topic exists: the gateway can write. */
@Singleton
@Readiness
public class EventsTopicHealthIndicator implements HealthIndicator {

    private static final String NAME = "eventsTopic";

    private final Admin admin;
    private final String topic;

    public EventsTopicHealthIndicator(final Admin admin, final GatewayConfiguration config) {
        this.admin = admin;
        this.topic = config.eventsTopic();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(this::check);
    }

    private CompletableFuture<HealthResult> check() {
        return admin.describeCluster().clusterId().toCompletionStage()
            .thenCombine(admin.describeTopics(List.of(topic)).allTopicNames().toCompletionStage(),
                (clusterId, topics) -> HealthResult.builder(NAME, HealthStatus.UP)
                    .details(Map.of("clusterId", clusterId, "topic", topic,
                        "partitions", topics.get(topic).partitions().size()))
                    .build())
            .toCompletableFuture()
            .orTimeout(3, TimeUnit.SECONDS)
            .exceptionally(e -> HealthResult.builder(NAME, HealthStatus.DOWN)
                .details(Map.of("topic", topic, "error", String.valueOf(e.getMessage()))).build());
    }
}
