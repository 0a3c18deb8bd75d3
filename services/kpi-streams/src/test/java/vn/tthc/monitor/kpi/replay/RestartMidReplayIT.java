package vn.tthc.monitor.kpi.replay;

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
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.sample.SampleHistory;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.kpi.testing.TestKafkaCluster;
import vn.tthc.monitor.kpi.topology.TestDirectories;

/**
 * kpi-streams killed (SIGKILL, no clean shutdown) in the middle of a replay and started again on
 * the same state directory: the final report is the same as without the crash, nothing counted twice.
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

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
             EventFileProducer producer = new EventFileProducer(TestKafkaCluster.bootstrapServers(), run + "-events")) {
            final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, run, run + "-events");
            final Process first = startServiceProcess(properties, stateDir.resolve("first.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> topicExists(admin, run + "-events"));
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
            }
        }
    }

    private static boolean topicExists(final Admin admin, final String topic) throws Exception {
        return admin.listTopics().names().get().contains(topic);
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
