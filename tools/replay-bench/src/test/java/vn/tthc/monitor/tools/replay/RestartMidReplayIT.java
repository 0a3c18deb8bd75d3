package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
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
    /** How many KPI changes the rows stage has committed at least when the service is killed (about 67,000 in all). */
    private static final long ROWS_INPUT_COMMITTED = 5_000;

    @Test
    void aKillMidReplayAndARestartGiveTheSameReport() throws Exception {
        final String run = "restart-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("restart");
        final RunningService.Sample sample = RunningService.Sample.write(stateDir, EVENTS, 7);
        final Path events = sample.file();
        final List<String> lines = sample.lines();
        final KpiReport expected = sample.expected();

        final Map<String, Object> properties = RunningService.properties(run, stateDir);
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
                // killed once the stage that sums the rows has committed some of its input too: killed as soon as the
                // intake had committed a tenth, the service had not yet summed a row, and a rows store that lost its
                // committed writes passed this test (docs/BENCHMARKS.md, "The own rows held until the commit")
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> progress.snapshot().eventsCommitted() > lines.size() / 10
                        && RunningService.committed(admin, run, run + "-kpi-changes-by-unit-repartition") > ROWS_INPUT_COMMITTED);
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(progress.snapshot().isDone()).as("killed before the end of the replay").isFalse();

            final var rowStatus = JacksonSerde.json(KpiRowStatus.class);
            try (ApplicationContext second = ApplicationContext.run(properties)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.snapshot().isDone());
                final QueryResult<KpiReport> report = second.getBean(KpiQueryService.class).report();
                assertThat(report).isInstanceOf(QueryResult.Found.class);
                assertThat(((QueryResult.Found<KpiReport>) report).value()).isEqualTo(expected);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(RunningService.latestRows(run + "-kpi-rows", value -> rowStatus.deserializer()
                        .deserialize(run + "-kpi-rows", value).counters())).isEqualTo(RunningService.rowsOf(expected)));
            }
        }
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
