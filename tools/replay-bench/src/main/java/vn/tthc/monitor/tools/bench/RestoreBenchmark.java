package vn.tthc.monitor.tools.bench;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine;
import vn.tthc.monitor.broker.LocalKafkaBroker;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.kpi.failure.PipelineGuard;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;
import vn.tthc.monitor.kpi.streams.TopicReadiness;
import vn.tthc.monitor.kpi.topology.forecast.ForecastReading;
import vn.tthc.monitor.tools.replay.CommandLineLogging;
import vn.tthc.monitor.tools.replay.DurationConverter;
import vn.tthc.monitor.tools.replay.Replay;

/**
 * The restore benchmark of docs/BENCHMARKS.md ({@code ./tthc bench-restore}): on an embedded broker, builds the state
 * of {@code --cases} open cases from {@code --events} events (generated here: each case received, then asked for and
 * given supplements, so that every case stays open), runs the full KPI pipeline until it has processed them all,
 * stops it, deletes its local state directory and starts it again: measures the time until Kafka Streams is RUNNING
 * (every store restored from its changelog: the service is ready), the heap after the restore (after a GC), and the
 * state on disk. Prints the machine, the date, progress while building, and the figures.
 */
@CommandLine.Command(name = "bench-restore", mixinStandardHelpOptions = true,
    description = "Measures the restore of kpi-streams' state from its changelogs after the local state is lost.")
public final class RestoreBenchmark implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final String APPLICATION_ID = "bench-restore";
    private static final String EVENTS_TOPIC = "bench-restore-events";
    private static final int UNITS = 200;
    private static final int FIELDS = 12;
    private static final long MIB = 1024 * 1024;
    /** In the work directory: what was built there, for {@code --reuse}. */
    private static final String BUILT_FILE = "built.properties";

    @CommandLine.Option(names = "--events", defaultValue = "10000000", description = "events (default ${DEFAULT-VALUE})")
    long events;

    @CommandLine.Option(names = "--cases", defaultValue = "1000000",
        description = "open cases the events are spread over, 1 to 64 events each (default ${DEFAULT-VALUE})")
    long cases;

    @CommandLine.Option(names = "--threads", defaultValue = "2", description = "stream threads (default ${DEFAULT-VALUE})")
    int threads;

    @CommandLine.Option(names = "--partitions", defaultValue = "4", description = "partitions of every topic (default ${DEFAULT-VALUE})")
    int partitions;

    @CommandLine.Option(names = "--commit-interval-ms", defaultValue = "1000",
        description = "commit interval while building (default ${DEFAULT-VALUE}, a backfill's, as ./tthc replay)")
    long commitIntervalMs;

    @CommandLine.Option(names = "--stall-timeout", defaultValue = "300s", paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "give up (exit 1) when the pipeline makes no progress for this long (default ${DEFAULT-VALUE})")
    Duration stallTimeout;

    @CommandLine.Option(names = "--work-dir", paramLabel = "DIR",
        description = "where the broker's data and the state go (default: a temporary directory, removed at the end)")
    Path workDir;

    @CommandLine.Option(names = "--reuse",
        description = "with --work-dir: when the directory holds a state built by an earlier run with the same --events, --cases and "
            + "--partitions, measure the restore again on it without producing and building (to compare restore settings)")
    boolean reuse;

    @CommandLine.Option(names = "--property", paramLabel = "KEY=VALUE",
        description = "further kpi-streams configuration, for both runs (e.g. kafka.streams.default.restore.consumer.max.poll.records=10000)")
    Map<String, String> extra = new HashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args) {
        CommandLineLogging.useStderr();
        System.exit(new CommandLine(new RestoreBenchmark())
            .setExecutionExceptionHandler(PipelineStoppedHandler.INSTANCE).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (cases < 1 || events < cases || events > 64 * cases) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--events must be between --cases and 64 times --cases (a case's history holds 64 events at most)");
        }
        if (reuse && workDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reuse needs --work-dir");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final boolean temporary = workDir == null;
        final Path work = temporary ? Files.createTempDirectory("tthc-bench-restore-") : Files.createDirectories(workDir);
        final Path stateDir = work.resolve("state");
        out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s, max heap %,d MiB; %s%n", Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() / MIB, ZonedDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "input: %,d events over %,d open cases, %d units, %d partitions, %d stream threads, exactly_once_v2, "
            + "commit interval %d ms while building%s%n", events, cases, UNITS, partitions, threads, commitIntervalMs,
            extra.isEmpty() ? "" : ", " + extra);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final String servers = broker.bootstrapServers();
            final Path builtFile = work.resolve(BUILT_FILE);
            final Building building;
            if (reuse && Files.exists(builtFile)) {
                building = Building.read(builtFile, events, cases, partitions);
                out.printf(Locale.ROOT, "reusing the state built in %s (its figures below are the build's); not producing, not building%n",
                    work);
            } else {
                building = build(admin, servers, stateDir, out);
                building.write(builtFile, events, cases, partitions);
            }
            final double produceSeconds = building.produceSeconds();
            final double buildSeconds = building.buildSeconds();
            final long builtBytes = building.builtBytes();
            final Changelogs changelogs = changelogs(admin);
            out.printf(Locale.ROOT, "changelogs as the broker holds them: %s%n", histories(admin));

            final long deletedBytes = storeBytes(stateDir);
            Utils.delete(stateDir.toFile());
            out.printf(Locale.ROOT, "local state deleted (%,d MiB); starting again%n", deletedBytes / MIB);
            final long baselineHeap = usedHeapAfterGc();

            final RunCost.Meter cpu = RunCost.Meter.start();
            final long restoreStarted = System.nanoTime();
            try (ApplicationContext pipeline = startPipeline(servers, stateDir)) {
                final double contextSeconds = seconds(restoreStarted);
                final KafkaStreams streams = pipeline.getBean(KafkaStreams.class);
                final PipelineGuard guard = new PipelineGuard(pipeline, stallTimeout);
                long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                double firstRecordSeconds = Double.NaN;
                double lastRecordSeconds = Double.NaN;
                long seen = 0;
                List<Metric> restoreConsumed = restoreConsumedMetrics(streams);
                while (streams.state() != KafkaStreams.State.RUNNING) {
                    // the records restored so far, not the state directory: walking it every poll took CPU from the restore
                    if (restoreConsumed.isEmpty()) {
                        restoreConsumed = restoreConsumedMetrics(streams);
                    }
                    final long restoring = sum(restoreConsumed);
                    guard.check(restoring, "the stores to be restored");
                    if (restoring > seen) {
                        lastRecordSeconds = seconds(restoreStarted);
                        firstRecordSeconds = seen == 0 ? lastRecordSeconds : firstRecordSeconds;
                        seen = restoring;
                    }
                    if (System.nanoTime() > nextProgress) {
                        out.printf(Locale.ROOT, "  restoring: %.0f s, %,d records restored, %,d MiB of local state so far (%s)%n",
                            seconds(restoreStarted), restoring, storeBytes(stateDir) / MIB, streams.state());
                        nextProgress += PROGRESS_EVERY.toNanos();
                        restoreConsumed = restoreConsumedMetrics(streams);
                    }
                    Thread.sleep(POLL.toMillis());
                }
                final double restoreSeconds = seconds(restoreStarted);
                final long restoredRecords = sum(restoreConsumedMetrics(streams));
                final RunCost cost = cpu.stop(Math.max(1, restoredRecords), streams);
                // the forecast reads its open cases back after RUNNING, unit by unit: its memory is whole, and the heap
                // taken, once no unit is left unread
                long unread = ForecastReading.unreadUnits(streams);
                while (unread > 0) {
                    guard.check(unread, "the forecast's open cases to be read back");
                    Thread.sleep(POLL.toMillis());
                    unread = ForecastReading.unreadUnits(streams);
                }
                final double readBackSeconds = seconds(restoreStarted);
                final long restoredHeap = usedHeapAfterGc();
                final Map<String, Long> restoredStores = storeSizes(stateDir);
                final long restoredBytes = restoredStores.values().stream().mapToLong(Long::longValue).sum();
                printFigures(out, new Figures(produceSeconds, buildSeconds, builtBytes, changelogs, restoredRecords, restoreSeconds,
                    baselineHeap, restoredHeap, restoredBytes, residentSetBytes()), restoredStores);
                printCpu(out, cost, restoreSeconds);
                out.printf(Locale.ROOT, "  phases (to within %d ms): the application context started in %.1f s, the first records restored "
                        + "at %.1f s, the last at %.1f s, RUNNING at %.1f s (after the last record: the tasks' initialisation); "
                    + "the forecast's open cases all read back (the heap above taken) at %.1f s%n",
                    POLL.toMillis(), contextSeconds, firstRecordSeconds, lastRecordSeconds, restoreSeconds, readBackSeconds);
            }
        } finally {
            if (temporary) {
                Utils.delete(work.toFile());
            }
        }
        return 0;
    }

    /** Produces the events and runs the pipeline until it has processed them all; the figures of the build. */
    private Building build(final Admin admin, final String servers, final Path stateDir, final PrintWriter out) throws Exception {
        admin.createTopics(List.of(new NewTopic(EVENTS_TOPIC, partitions, (short) 1))).all().get();
        TopicReadiness.awaitWritable(admin, List.of(EVENTS_TOPIC));

        final long produceStarted = System.nanoTime();
        produce(servers, out);
        final double produceSeconds = seconds(produceStarted);
        out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f events/s)%n", events, produceSeconds, events / produceSeconds);

        final long buildStarted = System.nanoTime();
        try (ApplicationContext pipeline = startPipeline(servers, stateDir)) {
            awaitCaughtUp(admin, pipeline, out, buildStarted);
        }
        final double buildSeconds = seconds(buildStarted);
        out.printf(Locale.ROOT, "built: %,d events processed in %.1f s (%,.0f events/s, start-up included); pipeline stopped%n",
            events, buildSeconds, events / buildSeconds);
        final Map<String, Long> builtStores = storeSizes(stateDir);
        final long builtBytes = builtStores.values().stream().mapToLong(Long::longValue).sum();
        return new Building(produceSeconds, buildSeconds, builtBytes);
    }

    /** Starts kpi-streams as the service runs it (one instance: no standby), on the benchmark's events topic. */
    private ApplicationContext startPipeline(final String servers, final Path stateDir) {
        final Map<String, Object> properties = new HashMap<>();
        properties.put("tthc.topics.events", EVENTS_TOPIC);
        properties.put("tthc.topics.partitions", partitions);
        properties.put("tthc.pipeline.standby-replicas", 0);
        properties.put("kafka.streams.default.num.stream.threads", threads);
        properties.put("kafka.streams.default.commit.interval.ms", commitIntervalMs);
        // time to leave the group at the close, even on a loaded machine: a member left behind makes the next start wait
        // for the broker's session timeout (45 s) before it gets its tasks, and that wait would count as the restore
        properties.put("kafka.streams.default.close-timeout", "60s");
        properties.putAll(extra);
        return Replay.startPipeline(new Replay.Options(null, null, servers, APPLICATION_ID, stateDir, properties));
    }

    /**
     * Writes the events, round by round: round r holds the r-th event of every case that has one, so histories grow
     * as they would in traffic. A case has {@code events / cases} events (one more for the first {@code events %
     * cases}): received, then supplement requested and received by turns, all within the last hours, due in 200 days.
     */
    private void produce(final String servers, final PrintWriter out) throws Exception {
        final Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final Instant base = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        final String due = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(base.plus(Duration.ofDays(200)).atZone(VietnamTime.ZONE));
        final long perCase = events / cases;
        final long longer = events % cases;
        long sent = 0;
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        final long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long round = 0; round <= perCase; round++) {
                final long casesThisRound = round < perCase ? cases : longer;
                final String occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(base.plusSeconds(round * 60).atZone(VietnamTime.ZONE));
                for (long index = 0; index < casesThisRound; index++) {
                    final String caseId = "HS-" + index;
                    producer.send(new ProducerRecord<>(EVENTS_TOPIC, caseId.getBytes(StandardCharsets.UTF_8),
                        event(caseId, index, round, occurredAt, due).getBytes(StandardCharsets.UTF_8)), (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            }
                        });
                    sent++;
                    if (failure.get() != null) {
                        throw new IllegalStateException("the broker refused an event", failure.get());
                    }
                    if ((sent & 0xFFF) == 0 && System.nanoTime() > nextProgress) {
                        out.printf(Locale.ROOT, "  producing: %,d of %,d events (%.0f s)%n", sent, events, seconds(started));
                        nextProgress += PROGRESS_EVERY.toNanos();
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused an event", failure.get());
        }
    }

    /** The round-th event of a case: its reception, then supplements asked for (odd rounds) and given (even ones). */
    private static String event(final String caseId, final long index, final long round, final String occurredAt, final String due) {
        final StringBuilder json = new StringBuilder(320).append("{\"eventId\":\"").append(caseId).append('-').append(round)
            .append("\",\"occurredAt\":\"").append(occurredAt).append("\",\"caseId\":\"").append(caseId)
            .append("\",\"source\":\"bench-restore\",\"type\":\"");
        if (round == 0) {
            json.append("case.received\",\"unitId\":\"DV-").append(index % UNITS).append("\",\"fieldId\":\"LV-").append(index % FIELDS)
                .append("\",\"procedureId\":\"1.00").append(4000 + index % 97).append("\",\"channel\":\"")
                .append(index % 3 == 0 ? "ONLINE" : "COUNTER").append("\",\"onlineEligible\":").append(index % 2 == 0)
                .append(",\"dueAt\":\"").append(due).append('"');
        } else {
            json.append(round % 2 == 1 ? "case.supplement_requested\"" : "case.supplement_received\"");
        }
        return json.append('}').toString();
    }

    private void awaitCaughtUp(final Admin admin, final ApplicationContext pipeline, final PrintWriter out, final long started)
        throws Exception {
        final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, APPLICATION_ID, EVENTS_TOPIC);
        final PipelineGuard guard = new PipelineGuard(pipeline, stallTimeout);
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        ConsumerGroupProgress.Snapshot snapshot = progress.snapshot();
        while (snapshot.eventsEnd() < events || !snapshot.isDone()) {
            guard.check(snapshot, "the events to be processed");
            if (System.nanoTime() > nextProgress) {
                out.printf(Locale.ROOT, "  building: %,d of %,d events processed (%.0f s, %,.0f events/s)%n", snapshot.eventsCommitted(),
                    events, seconds(started), snapshot.eventsCommitted() / seconds(started));
                nextProgress += PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(POLL.toMillis());
            snapshot = progress.snapshot();
        }
    }

    /** The changelogs the restore reads: records written (end offsets, transaction markers included) and bytes on the broker. */
    private static Changelogs changelogs(final Admin admin) throws Exception {
        final List<String> topics = admin.listTopics().names().get().stream()
            .filter(name -> name.startsWith(APPLICATION_ID + "-") && name.endsWith("-changelog")).toList();
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
            .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        final long records = admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        long bytes = 0;
        for (final Map<String, LogDirDescription> broker : admin.describeLogDirs(List.of(1)).allDescriptions().get().values()) {
            for (final LogDirDescription dir : broker.values()) {
                for (final Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (topics.contains(replica.getKey().topic())) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return new Changelogs(topics.size(), records, bytes);
    }

    /**
     * The settings of the histories' changelog, the largest, that decide how much of it the broker has compacted
     * (kpi-streams' {@code topic.} settings, else the broker's), with its size.
     */
    private static String histories(final Admin admin) throws Exception {
        final ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, APPLICATION_ID + "-case-histories-store-changelog");
        final Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
        return String.format(Locale.ROOT, "%s segment.bytes %s, min.cleanable.dirty.ratio %s, cleanup.policy %s", topic.name(),
            config.get(TopicConfig.SEGMENT_BYTES_CONFIG).value(), config.get(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG).value(),
            config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
    }

    /**
     * The metrics that count the records the restore read: what Kafka Streams' restore consumers returned, all topics
     * together (their {@code records-consumed-total}; the task metric {@code restore-total} needs the DEBUG recording
     * level, which would slow what is measured). Looked up at the start, every progress line and at the end, and read
     * directly in between: {@link KafkaStreams#metrics()} copies all of the application's metrics (thousands, with 108
     * stores), and calling it every poll took about a fifth of the samples of a loaded full-size restore (2026-12-07).
     */
    private static List<Metric> restoreConsumedMetrics(final KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
            .filter(metric -> metric.getKey().name().equals("records-consumed-total")
                && metric.getKey().group().equals("consumer-fetch-manager-metrics")
                && metric.getKey().tags().getOrDefault("client-id", "").endsWith("-restore-consumer")
                && !metric.getKey().tags().containsKey("topic"))
            .<Metric>map(Map.Entry::getValue)
            .toList();
    }

    private static long sum(final List<Metric> counters) {
        return Math.round(counters.stream().mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue()).sum());
    }

    /** Bytes on disk per store, summed over the tasks: {@code <state>/<application>/<task>/rocksdb/<store>/...}. */
    private static Map<String, Long> storeSizes(final Path stateDir) {
        final Map<String, Long> sizes = new TreeMap<>();
        final Path application = stateDir.resolve(APPLICATION_ID);
        if (!Files.isDirectory(application)) {
            return sizes;
        }
        try (Stream<Path> files = Files.walk(application)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                final Path relative = application.relativize(file);
                final String store = relative.getNameCount() > 3 && relative.getName(1).toString().equals("rocksdb")
                    ? relative.getName(2).toString() : "(other files)";
                sizes.merge(store, sizeOf(file), Long::sum);
            });
        } catch (final IOException | UncheckedIOException e) {
            // a file RocksDB removes while it is walked: the sizes of that moment are enough for progress
        }
        return sizes;
    }

    private static long storeBytes(final Path stateDir) {
        return storeSizes(stateDir).values().stream().mapToLong(Long::longValue).sum();
    }

    private static long sizeOf(final Path file) {
        try {
            return Files.size(file);
        } catch (final IOException e) {
            return 0;
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** This process's resident memory (heap, RocksDB's caches and memtables, the broker), from /proc; 0 elsewhere. */
    private static long residentSetBytes() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (final IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private void printFigures(final PrintWriter out, final Figures figures, final Map<String, Long> stores) {
        out.println("restore after the local state was lost:");
        out.printf(Locale.ROOT, "  restore until ready (RUNNING, every store restored): %.1f s (target 30 s)%n", figures.restoreSeconds());
        out.printf(Locale.ROOT, "  changelogs read: %d topics, %,d records restored (%,d written, transaction markers included), "
                + "%,d MiB on the broker: %,.0f records/s, %,.1f MiB/s%n",
            figures.changelogs().topics(), figures.restoredRecords(), figures.changelogs().records(), figures.changelogs().bytes() / MIB,
            figures.restoredRecords() / figures.restoreSeconds(), figures.changelogs().bytes() / (double) MIB / figures.restoreSeconds());
        out.printf(Locale.ROOT, "  heap after restore (after a GC, once the forecast has read its open cases back): %,d MiB for the pipeline (%,d MiB in this JVM, less %,d MiB "
                + "before it started: the broker) (target 512 MiB); process resident memory %,d MiB%n",
            (figures.restoredHeap() - figures.baselineHeap()) / MIB, figures.restoredHeap() / MIB, figures.baselineHeap() / MIB,
            figures.residentBytes() / MIB);
        out.printf(Locale.ROOT, "  state on disk: %,d MiB after building, %,d MiB after the restore (%,.0f bytes per event, %,.0f per open case)%n",
            figures.builtBytes() / MIB, figures.restoredBytes() / MIB, figures.restoredBytes() / (double) events,
            figures.restoredBytes() / (double) cases);
        stores.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(store -> out.printf(Locale.ROOT, "    %-40s %,10d KiB%n", store.getKey(), store.getValue() / 1024));
        out.printf(Locale.ROOT, "  building: produce %.1f s, pipeline %.1f s (%,.0f events/s)%n", figures.produceSeconds(),
            figures.buildSeconds(), events / figures.buildSeconds());
    }

    /**
     * The CPU the restore took, per record restored: the state updaters' (they read the changelogs and write the
     * stores), the stream threads', the other Java threads' (the broker serving the fetches, the clients' network
     * threads), and the rest of the process (threads the JVM does not see: RocksDB's flushes and compactions, the
     * collector, the compiler).
     */
    private static void printCpu(final PrintWriter out, final RunCost cost, final double restoreSeconds) {
        final Map<String, Long> byKind = new TreeMap<>();
        cost.otherThreads().forEach((kind, nanos) -> byKind.merge(kind.contains("StateUpdater") ? "state updaters"
            : kind.startsWith(APPLICATION_ID) ? "Kafka Streams' other threads" : kind, nanos, Long::sum));
        final long updaters = byKind.getOrDefault("state updaters", 0L);
        final long java = cost.streamCpuNanos() + cost.otherCpuNanos();
        out.printf(Locale.ROOT, "  CPU during the restore: %.1f s for the process (%.0f %% of %d cores); per record restored: process %.1f µs, "
                + "state updaters %.1f µs, stream threads %.1f µs, other Java threads %.1f µs, threads the JVM does not see "
                + "(RocksDB's flushes and compactions, GC, JIT) %.1f µs%n",
            cost.processCpuNanos() / 1e9, 100 * cost.processCpuNanos() / 1e9 / restoreSeconds / Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors(), cost.processCpuMicrosPerEvent(), updaters / 1e3 / cost.events(),
            cost.streamCpuMicrosPerEvent(), (cost.otherCpuNanos() - updaters) / 1e3 / cost.events(),
            Math.max(0, cost.processCpuNanos() - java) / 1e3 / cost.events());
        final StringBuilder kinds = new StringBuilder("    other Java threads, CPU s:");
        byKind.entrySet().stream().filter(kind -> !kind.getKey().equals("state updaters"))
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
            .forEach(kind -> kinds.append(String.format(Locale.ROOT, " %s %.1f;", kind.getKey(), kind.getValue() / 1e9)));
        out.println(kinds);
    }

    private static double seconds(final long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The build's figures, kept in the work directory with the sizes it was built at. */
    private record Building(double produceSeconds, double buildSeconds, long builtBytes) {

        static Building read(final Path file, final long events, final long cases, final int partitions) throws IOException {
            final Properties built = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                built.load(reader);
            }
            final String size = sizes(events, cases, partitions);
            if (!size.equals(built.getProperty("size"))) {
                throw new IllegalArgumentException(file + " holds a state built with " + built.getProperty("size") + ", not " + size);
            }
            return new Building(Double.parseDouble(built.getProperty("produce-seconds")), Double.parseDouble(built.getProperty("build-seconds")),
                Long.parseLong(built.getProperty("built-bytes")));
        }

        void write(final Path file, final long events, final long cases, final int partitions) throws IOException {
            final Properties built = new Properties();
            built.setProperty("size", sizes(events, cases, partitions));
            built.setProperty("produce-seconds", Double.toString(produceSeconds));
            built.setProperty("build-seconds", Double.toString(buildSeconds));
            built.setProperty("built-bytes", Long.toString(builtBytes));
            try (Writer writer = Files.newBufferedWriter(file)) {
                built.store(writer, "RestoreBenchmark's build, for --reuse");
            }
        }

        private static String sizes(final long events, final long cases, final int partitions) {
            return String.format(Locale.ROOT, "--events %d --cases %d --partitions %d", events, cases, partitions);
        }
    }

    private record Changelogs(int topics, long records, long bytes) {
    }

    private record Figures(double produceSeconds, double buildSeconds, long builtBytes, Changelogs changelogs,
                           long restoredRecords, double restoreSeconds, long baselineHeap, long restoredHeap, long restoredBytes, long residentBytes) {
    }
}
