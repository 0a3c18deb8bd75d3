package vn.tthc.monitor.gateway.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.reactivestreams.Publisher;
import vn.tthc.monitor.gateway.config.GatewayConfiguration;

/**
 * The {@code pipeline} component of the gateway's /health: whether kpi-streams (its consumer group,
 * {@code tthc.gateway.pipeline-application-id}) has members, and how many events of the events topic
 * it has not yet processed. Always UP: accepting events while the pipeline is down loses nothing;
 * it is shown ({@code kpiStreamsMembers: 0, lag: N} and a {@code warning}), not refused.
 */
@Singleton
public class PipelineHealthIndicator implements HealthIndicator {

    private static final String NAME = "pipeline";

    private final Admin admin;
    private final String topic;
    private final String applicationId;

    public PipelineHealthIndicator(final Admin admin, final GatewayConfiguration config,
                                   @Value("${tthc.gateway.pipeline-application-id:tthc-kpi-streams}") final String applicationId) {
        this.admin = admin;
        this.topic = config.eventsTopic();
        this.applicationId = applicationId;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::check));
    }

    private HealthResult check() {
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("applicationId", applicationId);
        try {
            final int members = members();
            final long lag = lag();
            details.put("kpiStreamsMembers", members);
            details.put("lag", lag);
            if (members == 0 && lag > 0) {
                details.put("warning", "kpi-streams is not running: " + lag + " accepted events wait for it (nothing is lost)");
            }
        } catch (final ExecutionException | TimeoutException e) {
            details.put("error", "cannot read the consumer group " + applicationId + ": " + e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            details.put("error", "interrupted");
        }
        return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    }

    private int members() throws ExecutionException, InterruptedException, TimeoutException {
        try {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all()
                .get(3, TimeUnit.SECONDS).get(applicationId);
            return group == null ? 0 : group.members().size();
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    /** Events of the topic past the group's committed offsets (all of them when it never committed). */
    private long lag() throws ExecutionException, InterruptedException, TimeoutException {
        final Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
        final Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(3, TimeUnit.SECONDS).get(topic).partitions()
            .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (final var end : admin.listOffsets(latest).all().get(3, TimeUnit.SECONDS).entrySet()) {
            final OffsetAndMetadata offset = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }
}
