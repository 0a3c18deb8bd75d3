package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;
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
        final RunningService.Sample sample = RunningService.Sample.write(stateDir, EVENTS, 11);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
             ApplicationContext service = ApplicationContext.run(RunningService.properties(run, stateDir));
             EventFileProducer producer = new EventFileProducer(TestKafkaCluster.bootstrapServers(), run + "-events")) {
            final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, run, run + "-events");
            producer.produce(sample.file());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                final ConsumerGroupProgress.Snapshot now = progress.snapshot();
                return now.eventsEnd() == sample.lines().size() && now.isDone();
            });

            final String changelog = run + "-" + StoreCatalog.KPI_ROWS_STORE + "-changelog";
            final KpiCountersSerde counters = new KpiCountersSerde();
            assertThat(RunningService.latestRows(changelog, value -> counters.deserializer().deserialize(changelog, value)))
                .isEqualTo(RunningService.rowsOf(sample.expected()));
        }
    }
}
