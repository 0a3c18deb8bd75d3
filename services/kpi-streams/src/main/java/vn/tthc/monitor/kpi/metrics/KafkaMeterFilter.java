package vn.tthc.monitor.kpi.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Keeps each {@code kafka_streams_*} name to one set of tag keys, as Prometheus requires. micronaut-kafka's binder
 * reports the metrics of Kafka Streams and of its embedded consumers, producers and admin client under one prefix
 * and keeps only their {@code client-id}, {@code topic} and {@code node-id} tags, so a stream thread's meters come
 * without a tag. Some names then come twice with different keys: the stream threads' {@code commit-rate},
 * {@code commit-total}, {@code commit-latency-avg} and {@code -max} (no tag) and the consumers' offset commits
 * ({@code client-id}); {@code request-total} and the like per client and per broker ({@code node-id});
 * {@code records-consumed-rate} per client and per topic; {@code count} (of Kafka's own metrics) with and without a
 * {@code client-id}. Without this filter the registry refuses the second of each ("registration has failed: ...
 * the same set of tag keys", in the log at every start), which one survives depends on the start order, and sums
 * over such a name count twice. Left out: the consumers' commit meters (the stream threads' stay), the per-broker,
 * per-topic and per-partition breakdowns, and Kafka's metric count (docs/METRICS.md).
 */
@Factory
public class KafkaMeterFilter {

    private static final Set<String> BREAKDOWN_TAGS = Set.of("node-id", "topic", "partition");
    private static final Set<String> STREAM_THREAD_NAMES = Set.of("kafka-streams.commit-rate", "kafka-streams.commit-total",
        "kafka-streams.commit-latency-avg", "kafka-streams.commit-latency-max");

    @Singleton
    MeterFilter kafkaMetersWithOneSetOfTagKeys() {
        return MeterFilter.deny(KafkaMeterFilter::collides);
    }

    static boolean collides(final Meter.Id id) {
        if (!id.getName().startsWith("kafka")) {
            return false;
        }
        return id.getName().endsWith(".count")
            || STREAM_THREAD_NAMES.contains(id.getName()) && !id.getTags().isEmpty()
            || id.getTags().stream().anyMatch(tag -> BREAKDOWN_TAGS.contains(tag.getKey()));
    }
}
