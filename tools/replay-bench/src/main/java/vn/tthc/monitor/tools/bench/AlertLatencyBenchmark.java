package vn.tthc.monitor.tools.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine;
import vn.tthc.monitor.broker.LocalKafkaBroker;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.kpi.failure.PipelineGuard;
import vn.tthc.monitor.tools.replay.CommandLineLogging;
import vn.tthc.monitor.tools.replay.Replay;
import vn.tthc.monitor.kpi.streams.TopicReadiness;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * Event → alert latency: sends a steady load of cases to the embedded broker while one unit is
 * driven across its target and back, over and over, and measures for every alert record the time
 * from the triggering event's append to the alert's append (both topics stamp LogAppendTime; an
 * alert carries its triggering record's timestamp as {@code triggeredAt}), and to the moment a
 * read_committed consumer (as the notifier is) receives it, after the pipeline's commit.
 */
@CommandLine.Command(name = "bench-alerts", mixinStandardHelpOptions = true,
    description = "Measures the latency from an event to the alert it causes.")
public final class AlertLatencyBenchmark implements Callable<Integer> {

    private static final String ALERT_UNIT = "U-ALERT";

    @CommandLine.Option(names = "--rate", defaultValue = "1000", description = "events per second")
    int rate;

    @CommandLine.Option(names = "--seconds", defaultValue = "120", description = "how long to send")
    int seconds;

    // on two cores the JIT compiler keeps a core busy for about the first minute: the service's
    // steady state is what counts, so is its first minute
    @CommandLine.Option(names = "--warm-up-seconds", defaultValue = "60",
        description = "alerts triggered in the first seconds (start-up, first rebalance, JIT compilation) are not counted")
    int warmUpSeconds;

    @CommandLine.Option(names = "--property", paramLabel = "KEY=VALUE", description = "further kpi-streams configuration")
    Map<String, String> properties = new java.util.HashMap<>();

    public static void main(final String[] args) {
        CommandLineLogging.useStderr();
        System.exit(new CommandLine(new AlertLatencyBenchmark())
            .setExecutionExceptionHandler(PipelineStoppedHandler.INSTANCE).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        final Path work = Files.createTempDirectory("tthc-bench-alerts-");
        final Path targets = work.resolve("targets.yaml");
        Files.writeString(targets, "units: {\"" + ALERT_UNIT + "\": {minVolume: 1, onTimeRate: 0.5}}\n");
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %s; %d events/s for %d s, first %d s not counted; %s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ZonedDateTime.now(VietnamTime.ZONE),
            rate, seconds, warmUpSeconds, properties);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final Map<String, String> logAppendTime = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
            admin.createTopics(List.of(new NewTopic("tthc-events", 4, (short) 1).configs(logAppendTime),
                new NewTopic("tthc-kpi-alert-history", 4, (short) 1).configs(logAppendTime))).all().get();
            TopicReadiness.awaitWritable(admin, List.of("tthc-events", "tthc-kpi-alert-history"));
            try (ApplicationContext pipeline = Replay.startPipeline(new Replay.Options(null, targets,
                     broker.bootstrapServers(), "bench-alerts", work.resolve("state"),
                     new java.util.HashMap<>(properties)));
                 KafkaConsumer<String, String> alerts = consumer(broker.bootstrapServers());
                 KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
                final Latencies latencies = new Latencies(new ArrayList<>(), new ArrayList<>());
                alerts.subscribe(List.of("tthc-kpi-alert-history"));
                final Instant countFrom = Instant.now().plusSeconds(warmUpSeconds);
                sendLoad(producer, alerts, latencies, countFrom, new PipelineGuard(pipeline, Duration.ofSeconds(seconds)));
                final long drainUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < drainUntil) {
                    collect(alerts, latencies, countFrom);
                }
                print("event append -> alert append", latencies.appended());
                print("event append -> alert read (read_committed)", latencies.read());
            }
        } finally {
            Utils.delete(work.toFile());
        }
        return 0;
    }

    /** {@code rate} events a second: background cases of ten units, and every 100 ms one case of the alert unit, late or on time in turn. */
    private void sendLoad(final KafkaProducer<byte[], byte[]> producer, final KafkaConsumer<String, String> alerts,
                          final Latencies latencies, final Instant countFrom, final PipelineGuard guard)
        throws Exception {
        final long started = System.nanoTime();
        long sent = 0;
        long triggers = 0;
        while (System.nanoTime() - started < Duration.ofSeconds(seconds).toNanos()) {
            final double elapsed = (System.nanoTime() - started) / 1e9;
            while (sent < elapsed * rate) {
                final boolean trigger = sent / 2 >= (triggers + 1) * rate / 20;
                final String unit = trigger ? ALERT_UNIT : "U" + (sent / 2) % 10;
                final boolean late = trigger && triggers % 2 == 0;
                for (final Event event : caseEvents("C" + UUID.randomUUID(), unit, late)) {
                    producer.send(new ProducerRecord<>("tthc-events", event.key().getBytes(StandardCharsets.UTF_8),
                        ContractJson.mapper().writeValueAsBytes(event)));
                    sent++;
                }
                if (trigger) {
                    triggers++;
                }
            }
            collect(alerts, latencies, countFrom);
            guard.check(sent, "the load to be sent");
        }
        System.out.printf(Locale.ROOT, "sent %,d events in %d s (%,d a second), %,d of them to drive %s across its target%n",
            sent, seconds, sent / seconds, triggers * 2, ALERT_UNIT);
    }

    private static List<Event> caseEvents(final String caseId, final String unit, final boolean late) {
        final Instant now = Instant.now();
        final Instant due = late ? now.minusSeconds(60) : now.plusSeconds(3600);
        return List.of(
            new CaseReceived(caseId + "-r", now.minusSeconds(120), "bench", caseId, unit, "HO_TICH", "1.1", Channel.ONLINE,
                true, due),
            new CaseResolved(caseId + "-s", now, "bench", caseId, CaseResult.APPROVED));
    }

    /** Per alert, in milliseconds from its triggering event's append: to the alert's append, and to its receipt. */
    private record Latencies(List<Long> appended, List<Long> read) {
    }

    private static void collect(final KafkaConsumer<String, String> alerts, final Latencies latencies,
                                final Instant countFrom) {
        final ConsumerRecords<String, String> records = alerts.poll(Duration.ofMillis(1));
        final long receivedAt = System.currentTimeMillis();
        for (final ConsumerRecord<String, String> record : records) {
            final KpiAlert alert = JacksonSerde.json(KpiAlert.class).deserializer()
                .deserialize(record.topic(), record.value().getBytes(StandardCharsets.UTF_8));
            if (!alert.triggeredAt().isBefore(countFrom)) {
                latencies.appended().add(record.timestamp() - alert.triggeredAt().toEpochMilli());
                latencies.read().add(receivedAt - alert.triggeredAt().toEpochMilli());
            }
        }
    }

    private static void print(final String what, final List<Long> latencies) {
        if (latencies.isEmpty()) {
            System.out.println("no alert arrived");
            return;
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "%s over %,d alerts: p50 %d ms, p99 %d ms, max %d ms%n", what,
            latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
    }

    private static long percentile(final List<Long> sorted, final double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static KafkaConsumer<String, String> consumer(final String servers) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-alerts-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a fetch returns as soon as there is something to read; the wait bounds how late it learns of it
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer(final String servers) {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
