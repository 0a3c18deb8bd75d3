package vn.tthc.monitor.tools.bench;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import picocli.CommandLine;
import vn.tthc.monitor.broker.LocalKafkaBroker;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.kpi.failure.PipelineGuard;
import vn.tthc.monitor.kpi.failure.PipelineStoppedException;
import vn.tthc.monitor.tools.replay.CommandLineLogging;
import vn.tthc.monitor.tools.replay.DurationConverter;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;
import vn.tthc.monitor.tools.replay.EventFileProducer;
import vn.tthc.monitor.tools.replay.Replay;
import vn.tthc.monitor.kpi.streams.TopicReadiness;

/**
 * The throughput benchmark of docs/BENCHMARKS.md: on one embedded broker and one events file (JSON Lines;
 * {@code ./tthc bench} has the case simulator write it), measures
 * (a) plain produce and read_committed consume of the file's bytes, (b) a trivial exactly-once
 * topology (count per caseId) and (c) the full KPI pipeline, each processing a topic already
 * filled with the file, and prints events/s and peak heap for each. Before them, the full pipeline
 * runs once over the file's first lines as a warm-up: on two cores the JIT compiler alone takes
 * most of one core for the first minute or so, and the figures are meant to be those of a service
 * that has been running. The warm-up's own rate is printed too (the cold figure).
 */
@CommandLine.Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures the KPI pipeline's throughput against plain Kafka and a trivial topology.")
public final class ThroughputBenchmark implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(100);

    @CommandLine.Option(names = "--file", required = true, paramLabel = "EVENTS.jsonl",
        description = "the events, one JSON object a line, e.g. written by the case simulator")
    Path file;

    @CommandLine.Option(names = "--warmup-lines", defaultValue = "1000000",
        description = "lines of the file the full pipeline runs over first, apart, unmeasured but printed (0: no warm-up)")
    long warmupLines;

    @CommandLine.Option(names = "--threads", defaultValue = "2", description = "stream threads of both topologies")
    int threads;

    @CommandLine.Option(names = "--commit-interval-ms", defaultValue = "1000",
        description = "commit interval of both topologies (default ${DEFAULT-VALUE}, a backfill's, as ./tthc replay)")
    long commitIntervalMs;

    @CommandLine.Option(names = "--partitions", defaultValue = "4", description = "partitions of every topic")
    int partitions;

    @CommandLine.Option(names = "--stall-timeout", defaultValue = "120s", paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "give up (exit 1) when the pipeline processes nothing for this long (default ${DEFAULT-VALUE})")
    Duration stallTimeout;

    @CommandLine.Option(names = "--property", paramLabel = "KEY=VALUE", description = "further kpi-streams configuration")
    Map<String, String> extra = new HashMap<>();

    private final HeapWatch heap = new HeapWatch();

    public static void main(final String[] args) {
        CommandLineLogging.useStderr();
        System.exit(new CommandLine(new ThroughputBenchmark())
            .setExecutionExceptionHandler(PipelineStoppedHandler.INSTANCE).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        final Path work = Files.createTempDirectory("tthc-bench-");
        final long lines = EventFileProducer.countLines(file);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
            ZonedDateTime.now(VietnamTime.ZONE));
        System.out.printf(Locale.ROOT, "input: %s, %,d lines (%,d MiB), stream threads %d, commit interval %d ms, %d partitions, exactly_once_v2%n",
            file, lines, Files.size(file) / (1024 * 1024), threads, commitIntervalMs, partitions);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final String servers = broker.bootstrapServers();
            System.out.println("broker: " + servers);
            if (warmupLines > 0) {
                final Path warmup = firstLines(work.resolve("warmup.jsonl"));
                final long warmupCount = EventFileProducer.countLines(warmup);
                report("warm-up: full KPI pipeline, first lines", warmupCount, fullPipeline(admin, servers, warmup, work, "warmup"));
            }
            report("(a) plain produce + consume", lines, plainProduceConsume(admin, servers, file, lines));
            final Measurement trivial = trivialTopology(admin, servers, file, work);
            report("(b) trivial topology: count per caseId", lines, trivial);
            final Measurement full = fullPipeline(admin, servers, file, work, "full");
            report("(c) full KPI pipeline", lines, full);
            System.out.printf(Locale.ROOT, "(c)/(b) %.3f%n", trivial.seconds() / full.seconds());
        } finally {
            Utils.delete(work.toFile());
        }
        return 0;
    }

    /** The first {@code warmupLines} lines of the file, as they are. */
    private Path firstLines(final Path target) throws IOException {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            Files.write(target, (Iterable<String>) all.limit(warmupLines)::iterator, StandardCharsets.UTF_8);
        }
        return target;
    }

    /** Produces the file to a topic, then reads it back read_committed; returns the time of both. */
    private Measurement plainProduceConsume(final Admin admin, final String servers, final Path input, final long lines)
        throws Exception {
        createTopic(admin, "bench-plain");
        heap.reset();
        final long started = System.nanoTime();
        try (EventFileProducer producer = new EventFileProducer(servers, "bench-plain")) {
            producer.produce(input);
        }
        final double produceSeconds = seconds(started);
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long read = 0;
        final long consumeStarted = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("bench-plain"));
            while (read < lines) {
                read += consumer.poll(POLL).count();
            }
        }
        System.out.printf(Locale.ROOT, "    produce %,.0f events/s, consume %,.0f events/s%n", lines / produceSeconds,
            lines / seconds(consumeStarted));
        return new Measurement(seconds(started), heap.peakMiB(), null);
    }

    /** A one-store exactly-once topology over the same records: the floor of what Kafka Streams costs here. */
    private Measurement trivialTopology(final Admin admin, final String servers, final Path input, final Path work)
        throws Exception {
        createTopic(admin, "bench-trivial");
        fill(servers, "bench-trivial", input);
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream("bench-trivial", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-events"))
            .groupByKey(Grouped.as("events-by-case"))
            .count(Materialized.<byte[], Long, KeyValueStore<Bytes, byte[]>>as("counts-by-case-store")
                .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.Long()));
        final Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-trivial");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        config.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state-trivial").toString());
        heap.reset();
        final RunCost.Meter meter = RunCost.Meter.start();
        final long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(config), config)) {
            streams.start();
            awaitDone(new ConsumerGroupProgress(admin, "bench-trivial", "bench-trivial"), snapshot -> {
                if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                    throw new PipelineStoppedException("Kafka Streams stopped before the end (" + streams.state()
                        + "); see the errors above");
                }
            });
            final double seconds = seconds(started);
            return new Measurement(seconds, heap.peakMiB(), meter.stop(lines(input), streams).lines("bench-trivial-"));
        }
    }

    /** The real kpi-streams pipeline, as the service runs it, over a topic already holding the file; {@code name}: its run. */
    private Measurement fullPipeline(final Admin admin, final String servers, final Path input, final Path work,
                                     final String name) throws Exception {
        final String topic = "bench-" + name + "-events";
        final String applicationId = "bench-" + name;
        createTopic(admin, topic);
        fill(servers, topic, input);
        final Map<String, Object> properties = new HashMap<>();
        properties.put("tthc.topics.events", topic);
        properties.put("tthc.topics.partitions", partitions);
        properties.put("kafka.streams.default.num.stream.threads", threads);
        properties.put("kafka.streams.default.commit.interval.ms", commitIntervalMs);
        properties.putAll(extra);
        heap.reset();
        final RunCost.Meter meter = RunCost.Meter.start();
        final long started = System.nanoTime();
        try (ApplicationContext pipeline = Replay.startPipeline(new Replay.Options(input, null, servers, applicationId,
            work.resolve("state-" + name), properties))) {
            final PipelineGuard guard = new PipelineGuard(pipeline, stallTimeout);
            awaitDone(new ConsumerGroupProgress(admin, applicationId, topic),
                snapshot -> guard.check(snapshot, "the events of " + topic + " to be processed"));
            final double seconds = seconds(started);
            return new Measurement(seconds, heap.peakMiB(),
                meter.stop(lines(input), pipeline.getBean(KafkaStreams.class)).lines(applicationId + "-"));
        }
    }

    private void createTopic(final Admin admin, final String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        TopicReadiness.awaitWritable(admin, List.of(topic));
    }

    private static void fill(final String servers, final String topic, final Path input) throws Exception {
        try (EventFileProducer producer = new EventFileProducer(servers, topic)) {
            producer.produce(input);
        }
    }

    /** Waits until the application has no lag; {@code check} throws when its Kafka Streams stops or stalls on the way. */
    private static void awaitDone(final ConsumerGroupProgress progress,
                                  final Consumer<ConsumerGroupProgress.Snapshot> check) throws Exception {
        ConsumerGroupProgress.Snapshot snapshot = progress.snapshot();
        while (!snapshot.isDone()) {
            check.accept(snapshot);
            Thread.sleep(POLL.toMillis());
            snapshot = progress.snapshot();
        }
    }

    private static void report(final String what, final long lines, final Measurement measurement) {
        System.out.printf(Locale.ROOT, "%-42s %,10.0f events/s  (%,d events in %.1f s, start-up included), peak heap %,d MiB%n",
            what, lines / measurement.seconds(), lines, measurement.seconds(), measurement.peakHeapMiB());
        if (measurement.cost() != null) {
            measurement.cost().forEach(System.out::println);
        }
    }

    private static long lines(final Path input) throws IOException {
        return EventFileProducer.countLines(input);
    }

    private static double seconds(final long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A run's time and peak heap, and for a topology its cost per event as {@link RunCost} prints it (else null). */
    private record Measurement(double seconds, long peakHeapMiB, List<String> cost) {
    }
}
