package vn.tthc.monitor.tools.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import vn.tthc.monitor.broker.LocalKafkaBroker;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.InvalidTargetsException;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.InvalidOrganisationException;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.kpi.failure.PipelineStoppedException;

/**
 * {@code tthc replay EVENTS.jsonl [--targets FILE] [--units FILE.yaml] [--report OUT] [--bootstrap HOST:PORT]}:
 * replays a file through the real pipeline and writes the section-5 report, with the subtree rows of section 6
 * when an organisation file is given. Without {@code --bootstrap} it
 * runs on a fresh embedded broker. Progress goes to stderr; exit code 0 when the report is written,
 * 1 when the replay could not run (the pipeline stopped on a failure, printed with its cause, or made
 * no progress for {@code --stall-timeout}), 2 for bad arguments (an invalid targets or organisation file, with
 * its reason).
 */
@CommandLine.Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Replays a JSON Lines file of events through the KPI pipeline and writes the KPI report.")
public final class ReplayCommand implements Callable<Integer> {

    /** The application id the kpi-streams service uses unless configured otherwise. */
    static final String SERVICE_APPLICATION_ID = "tthc-kpi-streams";

    @CommandLine.Parameters(paramLabel = "EVENTS.jsonl", description = "events, one JSON object per line")
    Path events;

    @CommandLine.Option(names = "--targets", paramLabel = "FILE.yaml", description = "targets file (EVENTS.md section 4)")
    Path targets;

    @CommandLine.Option(names = "--units", paramLabel = "FILE.yaml",
        description = "organisation file (EVENTS.md section 6): the report gets the subtree rows of every unit with children")
    Path units;

    @CommandLine.Option(names = "--report", paramLabel = "OUT.json", description = "write the report here instead of stdout")
    Path report;

    @CommandLine.Option(names = "--bootstrap", paramLabel = "HOST:PORT",
        description = "a running Kafka cluster; without it an embedded broker is started in a temporary directory")
    String bootstrap;

    @CommandLine.Option(names = "--application-id", paramLabel = "ID",
        description = "Kafka Streams application id; default: the service's (" + SERVICE_APPLICATION_ID
            + ") with --bootstrap, so that a backfill lands in the live state; a fresh one without")
    String applicationId;

    @CommandLine.Option(names = "--state-dir", paramLabel = "DIR", description = "state directory (default: a temporary one)")
    Path stateDir;

    @CommandLine.Option(names = "--commit-interval-ms", defaultValue = "1000", paramLabel = "MS",
        description = "commit interval of the backfill (default ${DEFAULT-VALUE}: a backfill wants throughput, the live "
            + "service commits every 50 ms for its alerts' latency)")
    long commitIntervalMs;

    @CommandLine.Option(names = "--stall-timeout", defaultValue = "120s", paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "give up (exit 1) when nothing is produced, processed or committed for this long, e.g. 120s, 5m "
            + "(default ${DEFAULT-VALUE})")
    Duration stallTimeout;

    @CommandLine.Option(names = "--property", paramLabel = "KEY=VALUE",
        description = "further kpi-streams configuration, e.g. tthc.topics.events=other-events or "
            + "kafka.streams.default.num.stream.threads=2")
    Map<String, String> properties = new HashMap<>();

    public static void main(final String[] args) {
        CommandLineLogging.useStderr();
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isReadable(events)) {
            System.err.println("replay: cannot read " + events);
            return 2;
        }
        if (targets != null) {
            try {
                TargetsFile.read(targets);
            } catch (final InvalidTargetsException e) {
                System.err.println("replay: " + e.getMessage());
                return 2;
            }
        }
        if (units != null) {
            try {
                OrganisationFile.read(units);
            } catch (final InvalidOrganisationException e) {
                System.err.println("replay: " + e.getMessage());
                return 2;
            }
        }
        final Path workDir = Files.createTempDirectory("tthc-replay-");
        try (LocalKafkaBroker broker = bootstrap == null ? LocalKafkaBroker.start(workDir.resolve("kafka")) : null) {
            final String servers = broker == null ? bootstrap : broker.bootstrapServers();
            final String appId = applicationId != null ? applicationId
                : broker == null ? SERVICE_APPLICATION_ID : "tthc-replay-" + UUID.randomUUID();
            final Map<String, Object> configuration = new HashMap<>();
            configuration.put("kafka.streams.default.commit.interval.ms", commitIntervalMs);
            // set either way, so that a TTHC_UNITS_FILE of the environment never slips into a replay
            configuration.put("tthc.units.file", units == null ? "" : units.toString());
            configuration.putAll(properties);
            final KpiReport result = Replay.run(new Replay.Options(events, targets, servers, appId,
                stateDir != null ? stateDir : workDir.resolve("state"), configuration), stallTimeout,
                ReplayCommand::printProgress);
            write(result);
            return 0;
        } catch (final ReplayException | PipelineStoppedException e) {
            System.err.println("replay: " + e.getMessage());
            return 1;
        }
    }

    private void write(final KpiReport result) throws IOException {
        if (report == null) {
            System.out.println(ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } else {
            ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValue(report.toFile(), result);
            System.err.println("replay: report written to " + report);
        }
    }

    private static void printProgress(final Replay.Progress progress) {
        final double seconds = Math.max(0.001, progress.elapsed().toMillis() / 1000.0);
        System.err.printf(Locale.ROOT, "replay: %,d/%,d lines produced, %,d/%,d events processed (%.0f%%), %.1f s, %,.0f events/s%n",
            progress.produced(), progress.total(), Math.max(0, progress.processed()), progress.eventsInTopic(),
            progress.eventsInTopic() == 0 ? 100.0 : 100.0 * Math.max(0, progress.processed()) / progress.eventsInTopic(),
            seconds, Math.max(0, progress.processed()) / seconds);
    }
}
