package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.report.Breach;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.kpi.topology.subtree.SpreadBacklog;
import vn.tthc.monitor.testing.TestKafkaCluster;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;

/**
 * kpi-streams killed (SIGKILL, no clean shutdown) in the middle of a replay and started again on
 * the same state directory: the final report is the same as without the crash, nothing counted
 * twice, the KPI rows topic converges to the same rows, and the breach alerts left open are the report's
 * breaches. With an organisation file the subtree rows and their alerts too.
 */
class RestartMidReplayIT {

    private static final long EVENTS = 100_000;
    /** How many KPI changes the rows stage has committed at least when the service is killed (about 67,000 in all). */
    private static final long ROWS_INPUT_COMMITTED = 5_000;
    /**
     * Three levels over the sample's units: the city, a group of its wards without cases of its own, the wards and
     * two departments; the third department is not in the file (its own rows only).
     */
    private static final String UNITS = """
        units:
          - {id: UBND-TP-HCM, name: Ủy ban nhân dân Thành phố}
          - {id: KHOI-PHUONG, name: Khối phường, parent: UBND-TP-HCM}
          - {id: UBND-P-VTS, name: Phường Võ Thị Sáu, parent: KHOI-PHUONG}
          - {id: UBND-P-BAN-CO, name: Phường Bàn Cờ, parent: KHOI-PHUONG}
          - {id: UBND-P-XUAN-HOA, name: Phường Xuân Hòa, parent: KHOI-PHUONG}
          - {id: SO-TNMT, name: Sở Tài nguyên và Môi trường, parent: UBND-TP-HCM}
          - {id: SO-TU-PHAP, name: Sở Tư pháp, parent: UBND-TP-HCM}
        """;

    @Test
    void aKillMidReplayAndARestartGiveTheSameReport() throws Exception {
        final String run = "restart-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("restart");
        final RunningService.Sample sample = RunningService.Sample.write(stateDir, EVENTS, 7);
        final KpiReport expected = sample.expected();

        final var rowStatus = JacksonSerde.json(KpiRowStatus.class);
        killMidReplayAndRestart(run, stateDir, sample, RunningService.properties(run, stateDir), expected,
            Map.of(run + "-kpi-changes-by-unit-repartition", ROWS_INPUT_COMMITTED),
            // the rows topic, while the service still runs: its last changed rows are written once per emit interval
            () -> {
                assertThat(RunningService.latestRows(run + "-kpi-rows", value -> rowStatus.deserializer()
                    .deserialize(run + "-kpi-rows", value).counters())).isEqualTo(RunningService.rowsOf(expected));
                assertOpenAlertsAreTheBreaches(run, expected);
            });
    }

    @Test
    void withAnOrganisationFileTheSubtreeRowsComeOutTheSameToo() throws Exception {
        final String run = "restart-units-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("restart-units");
        final RunningService.Sample sample = RunningService.Sample.write(stateDir, EVENTS, 11);
        final Path units = Files.writeString(stateDir.resolve("units.yaml"), UNITS);
        final Map<String, Object> properties = RunningService.properties(run, stateDir);
        properties.put("tthc.units.file", units.toString());
        final KpiReport expected = sample.expected(OrganisationFile.read(units));
        assertThat(expected.kpis()).as("the expected report has subtree rows")
            .anyMatch(row -> row.scope() == Scope.SUBTREE && row.key().unitId().equals("KHOI-PHUONG"));

        // killed once some parts of the own rows have been summed into the subtree rows too (one record per unit,
        // subtree and interval: a few hundred in all)
        killMidReplayAndRestart(run, stateDir, sample, properties, expected,
            Map.of(run + "-kpi-changes-by-unit-repartition", ROWS_INPUT_COMMITTED, run + "-subtree-changes-by-unit-repartition", 1L),
            () -> assertOpenAlertsAreTheBreaches(run, expected));
    }

    /**
     * Replays the sample's first half into a service process and kills it once a tenth of the events are committed
     * and, of each topic of {@code stageInputs}, at least as many records as it maps to; sends the second half, starts
     * the service again in this JVM, compares its report once every event is processed, then asserts
     * {@code alsoConverged}, again and again for up to a minute, while the service still runs. A stage's input must
     * be committed before the kill: killed as soon as the intake had committed a tenth, the service had not summed a
     * row yet, and a rows store that lost its committed writes passed (docs/BENCHMARKS.md, "The own rows held until
     * the commit"; docs/FAILURES.md, "Tests", for the stores whose loss this test catches).
     */
    private static void killMidReplayAndRestart(final String run, final Path stateDir, final RunningService.Sample sample,
                                                final Map<String, Object> properties, final KpiReport expected,
                                                final Map<String, Long> stageInputs, final ThrowingRunnable alsoConverged)
        throws Exception {
        // the killed instance holds its partitions until its session expires: keep that short
        properties.put("kafka.streams.default.consumer.session.timeout.ms", "10000");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
             EventFileProducer producer = new EventFileProducer(TestKafkaCluster.bootstrapServers(), run + "-events")) {
            final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, run, run + "-events");
            // the second half only after the kill: the intake reads the whole file long before the rows stage has
            // committed enough, so the events of cases received before the kill must come after it for the case
            // and feedback histories written before it to be read again
            final int half = sample.lines().size() / 2;
            final Path beforeKill = Files.write(stateDir.resolve("events-before-kill.jsonl"), sample.lines().subList(0, half));
            final Path afterKill = Files.write(stateDir.resolve("events-after-kill.jsonl"),
                sample.lines().subList(half, sample.lines().size()));
            final Process first = startServiceProcess(properties, stateDir.resolve("first.log"));
            try {
                // once the instance has joined its group, it has created its topics and they take writes
                await().atMost(Duration.ofSeconds(60)).until(() -> hasMembers(admin, run));
                producer.produce(beforeKill);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> progress.snapshot().eventsCommitted() > sample.lines().size() / 10
                        && committedOnEach(admin, run, stageInputs));
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(progress.snapshot().isDone()).as("killed before the end of the replay").isFalse();
            producer.produce(afterKill);

            try (ApplicationContext second = ApplicationContext.run(properties)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.snapshot().isDone());
                // as the replay waits: the subtree rows follow the own rows by up to an emit interval
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> SpreadBacklog.isEmpty(second.getBean(KafkaStreams.class)));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.snapshot().isDone());
                final QueryResult<KpiReport> report = second.getBean(KpiQueryService.class).report();
                assertThat(report).isInstanceOf(QueryResult.Found.class);
                assertThat(((QueryResult.Found<KpiReport>) report).value()).isEqualTo(expected);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(alsoConverged);
            }
        }
    }

    /**
     * The alerts topic, while the service still runs: the breach alerts left open (their latest record not RESOLVED)
     * are the report's breaches, with the figures of the rows' final counters (an alert still in breach is updated
     * once per update interval). An alerts store that lost an open alert would leave it open on the topic once its
     * row recovered.
     */
    private static void assertOpenAlertsAreTheBreaches(final String run, final KpiReport expected) {
        final var alert = JacksonSerde.json(KpiAlert.class).deserializer();
        final Set<Breach> open = RunningService.latest(run + "-alerts", key -> key,
                value -> alert.deserialize(run + "-alerts", value)).values().stream()
            .filter(latest -> latest.kind() == AlertKind.BREACH && latest.state() != AlertState.RESOLVED)
            .map(latest -> new Breach(latest.unitId(), latest.fieldId(), latest.period(), latest.scope(), latest.kpi(),
                latest.value(), latest.target(), latest.volume()))
            .collect(Collectors.toSet());
        assertThat(expected.breaches()).as("the sample breaches some targets").isNotEmpty();
        assertThat(open).isEqualTo(Set.copyOf(expected.breaches()));
    }

    /** Whether the group has committed, of each topic, at least as many records as {@code atLeast} maps it to. */
    private static boolean committedOnEach(final Admin admin, final String group, final Map<String, Long> atLeast)
        throws Exception {
        for (final Map.Entry<String, Long> topic : atLeast.entrySet()) {
            if (RunningService.committed(admin, group, topic.getKey()) < topic.getValue()) {
                return false;
            }
        }
        return true;
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
