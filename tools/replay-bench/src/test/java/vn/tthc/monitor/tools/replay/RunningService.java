package vn.tthc.monitor.tools.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.testing.TestKafkaCluster;
import vn.tthc.monitor.tools.sample.SampleHistory;

/** What the tests of a running kpi-streams service share: a sample history, the service's properties, the rows it wrote. */
final class RunningService {

    private RunningService() {
    }

    /** The service's properties for the run {@code run}: its own topics, group and state directory, no HTTP port. */
    static Map<String, Object> properties(final String run, final Path stateDir) {
        final Map<String, Object> properties = new HashMap<>(IsolatedTopics.named(run));
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("kafka.streams.default.application.id", run);
        properties.put("kafka.streams.default.state.dir", stateDir.resolve("state").toString());
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /** A topic keyed by row read to its end (read_committed), latest counters per row, tombstones removed. */
    static Map<KpiRowKey, KpiCounters> latestRows(final String topic, final Function<byte[], KpiCounters> counters) {
        return latest(topic, KpiRowKeyFormat::parse, counters);
    }

    /** A compacted topic read to its end (read_committed): the latest value per key, tombstones removed. */
    static <K, V> Map<K, V> latest(final String topic, final Function<String, K> key, final Function<byte[], V> value) {
        final Map<K, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            final Map<TopicPartition, Long> from = new HashMap<>();
            partitions(consumer, topic).forEach(partition -> from.put(partition, 0L));
            readToEnd(consumer, from, record -> {
                if (record.value() == null) {
                    latest.remove(key.apply(record.key()));
                } else {
                    latest.put(key.apply(record.key()), value.apply(record.value()));
                }
            });
        }
        return latest;
    }

    /** Every value of {@code topic} (read_committed), in each partition's order, tombstones left out. */
    static <V> List<V> values(final String topic, final Function<byte[], V> value) {
        final List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            final Map<TopicPartition, Long> from = new HashMap<>();
            partitions(consumer, topic).forEach(partition -> from.put(partition, 0L));
            readToEnd(consumer, from, record -> {
                if (record.value() != null) {
                    values.add(value.apply(record.value()));
                }
            });
        }
        return values;
    }

    /** The end of each partition of {@code topic} for a read_committed reader. */
    static Map<TopicPartition, Long> committedEnds(final String topic) {
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /** How many records of {@code topic} committed since the offsets {@code from} have a key {@code key} accepts. */
    static long countSince(final String topic, final Map<TopicPartition, Long> from, final Predicate<String> key) {
        final long[] count = {0};
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            readToEnd(consumer, from, record -> count[0] += key.test(record.key()) ? 1 : 0);
        }
        return count[0];
    }

    private static KafkaConsumer<String, byte[]> committedReader() {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(final KafkaConsumer<String, byte[]> consumer, final String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Reads the partitions of {@code from}, each from its offset there to its end as it is now. */
    private static void readToEnd(final KafkaConsumer<String, byte[]> consumer, final Map<TopicPartition, Long> from,
                                  final Consumer<ConsumerRecord<String, byte[]>> each) {
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        final Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
        while (from.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }

    /** How many records of {@code topic} the consumer group {@code group} has committed, over all its partitions. */
    static long committed(final Admin admin, final String group, final String topic) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
            .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
            .mapToLong(entry -> entry.getValue().offset())
            .sum();
    }

    /** A sample history of {@code events} lines in {@code dir}. */
    record Sample(Path file, List<String> lines) {

        static Sample write(final Path dir, final long events, final long seed) throws IOException {
            final Path file = dir.resolve("events.jsonl");
            SampleHistory.write(file, events, seed, Instant.parse("2026-01-05T01:00:00Z"));
            return new Sample(file, Files.readAllLines(file));
        }

        /** The report the contract's rules make of the sample, with the default targets. */
        KpiReport expected() {
            return InMemoryKpis.report(lines, Targets.sectionThreeDefaults());
        }

        /** The same, with the subtree rows of {@code organisation}. */
        KpiReport expected(final Organisation organisation) {
            return InMemoryKpis.report(lines, Targets.sectionThreeDefaults(), organisation);
        }
    }

    /** The counters of every row of {@code report}. */
    static Map<KpiRowKey, KpiCounters> rowsOf(final KpiReport report) {
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        report.kpis().forEach(row -> rows.put(row.key(), row.counters()));
        return rows;
    }
}
