package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.tools.sample.SampleHistory;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.testing.TestKafkaCluster;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;

/**
 * kpi-streams killed (SIGKILL, no clean shutdown) in the middle of a replay and started again on
 * the same state directory: the final report is the same as without the crash, nothing counted
 * twice, and the KPI rows topic converges to the same rows.
 */
class RestartMidReplayIT {

    private static final long EVENTS = 100_000;

    @Test
    void aKillMidReplayAndARestartGiveTheSameReport() throws Exception {
        final String run = "restart-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("restart");
        final Path events = stateDir.resolve("events.jsonl");
        SampleHistory.write(events, EVENTS, 7, Instant.parse("2026-01-05T01:00:00Z"));
        final List<String> lines = Files.readAllLines(events);
        final KpiReport expected = InMemoryKpis.report(lines, Targets.sectionThreeDefaults());

        final Map<String, Object> properties = new HashMap<>(IsolatedTopics.named(run));
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("kafka.streams.default.application.id", run);
        properties.put("kafka.streams.default.state.dir", stateDir.resolve("state").toString());
        properties.put("micronaut.server.port", "-1");
        // the killed instance holds its partitions until its session expires: keep that short
        properties.put("kafka.streams.default.consumer.session.timeout.ms", "10000");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
             EventFileProducer producer = new EventFileProducer(TestKafkaCluster.bootstrapServers(), run + "-events")) {
            final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, run, run + "-events");
            final Process first = startServiceProcess(properties, stateDir.resolve("first.log"));
            try {
                // once the instance has joined its group, it has created its topics and they take writes
                await().atMost(Duration.ofSeconds(60)).until(() -> hasMembers(admin, run));
                producer.produce(events);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> progress.snapshot().eventsCommitted() > lines.size() / 10);
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(progress.snapshot().isDone()).as("killed before the end of the replay").isFalse();

            try (ApplicationContext second = ApplicationContext.run(properties)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.snapshot().isDone());
                final QueryResult<KpiReport> report = second.getBean(KpiQueryService.class).report();
                assertThat(report).isInstanceOf(QueryResult.Found.class);
                assertThat(((QueryResult.Found<KpiReport>) report).value()).isEqualTo(expected);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(latestRowsOnTopic(run + "-kpi-rows")).isEqualTo(rowsOf(expected)));
            }
        }
    }

    /** The KPI rows topic read to its end (read_committed), latest counters per row, tombstones removed. */
    private static Map<KpiRowKey, KpiCounters> latestRowsOnTopic(final String topic) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Map<KpiRowKey, KpiCounters> latest = new HashMap<>();
        final var valueSerde = JacksonSerde.json(KpiRowStatus.class);
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
                        latest.put(key, valueSerde.deserializer().deserialize(topic, record.value()).counters());
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

    private static boolean hasMembers(final Admin admin, final String group) {
        try {
            return !admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty();
        } catch (final Exception e) {
            return false;
        }
    }

    private static Process startServiceProcess(final Map<String, Object> properties, final Path log) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KpiStreamsApplication.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
