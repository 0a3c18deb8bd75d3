package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;
import vn.tthc.monitor.tools.sample.SampleHistory;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * A store's writes must reach its changelog in the transaction that commits the records they count, or a crash right
 * after that commit loses them: Kafka Streams' record cache writes them in its flush before the transaction; a store
 * that held them until the state manager's {@code commit}, which comes after it, left this changelog empty
 * (docs/BENCHMARKS.md, "The own rows held until the commit"). With every event committed and the service still
 * running (no clean close, which writes everything anyway), the committed changelog of the own rows holds exactly the
 * rows of the report.
 */
class RowsChangelogIT {

    private static final long EVENTS = 20_000;

    @Test
    void theCommittedChangelogHoldsEveryRowOnceItsEventsAreCommitted() throws Exception {
        final String run = "rows-changelog-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("rows-changelog");
        final Path events = stateDir.resolve("events.jsonl");
        SampleHistory.write(events, EVENTS, 11, Instant.parse("2026-01-05T01:00:00Z"));
        final List<String> lines = Files.readAllLines(events);
        final KpiReport expected = InMemoryKpis.report(lines, Targets.sectionThreeDefaults());

        final Map<String, Object> properties = new HashMap<>(IsolatedTopics.named(run));
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("kafka.streams.default.application.id", run);
        properties.put("kafka.streams.default.state.dir", stateDir.resolve("state").toString());
        properties.put("micronaut.server.port", "-1");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
             ApplicationContext service = ApplicationContext.run(properties);
             EventFileProducer producer = new EventFileProducer(TestKafkaCluster.bootstrapServers(), run + "-events")) {
            final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, run, run + "-events");
            producer.produce(events);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                final ConsumerGroupProgress.Snapshot now = progress.snapshot();
                return now.eventsEnd() == lines.size() && now.isDone();
            });

            assertThat(committedRows(run + "-" + StoreCatalog.KPI_ROWS_STORE + "-changelog")).isEqualTo(rowsOf(expected));
        }
    }

    /** The changelog read to its end (read_committed), latest counters per row, tombstones removed. */
    private static Map<KpiRowKey, KpiCounters> committedRows(final String topic) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Map<KpiRowKey, KpiCounters> latest = new HashMap<>();
        final KpiCountersSerde serde = new KpiCountersSerde();
        try (KafkaConsumer<String, byte[]> consumer =
                 new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    final KpiRowKey key = KpiRowKeyFormat.parse(record.key());
                    if (record.value() == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, serde.deserializer().deserialize(topic, record.value()));
                    }
                });
            }
        }
        return latest;
    }

    private static Map<KpiRowKey, KpiCounters> rowsOf(final KpiReport report) {
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        report.kpis().forEach(row -> rows.put(row.key(), row.counters()));
        return rows;
    }
}
