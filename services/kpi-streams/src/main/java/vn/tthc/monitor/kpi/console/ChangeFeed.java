package vn.tthc.monitor.kpi.console;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import vn.tthc.monitor.kpi.streams.ConsumerLoops;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Tells open console pages that what they show has changed, cheaply: one Kafka consumer per instance, started
 * when the first page subscribes, reads (without a consumer group, read_committed) the changelogs of the KPI rows
 * (own and subtree), alerts (own and subtree) and open cases stores from their ends, and publishes a {@link ChangeNotice} with a version counter and
 * the kinds that changed, at most every {@link #COALESCE}. The changelogs carry every committed change of the
 * stores of every instance, so a page learns of a change whichever instance computed it; the page then reads
 * the query API again. Nothing is stored: a new page starts from the current version.
 */
@Singleton
public class ChangeFeed implements AutoCloseable {

    /** What changed: the KPI rows, the alerts, or the open cases (which also move with the wall clock). */
    public enum Kind { ROWS, ALERTS, CASES }

    /** Version {@code version} of the stores, after changes of {@code kinds} (empty: nothing new, a keep-alive). */
    public record ChangeNotice(long version, Set<Kind> kinds) {
    }

    /** Changes are gathered this long before a notice goes out: a busy province sends a few notices a second. */
    static final Duration COALESCE = Duration.ofMillis(250);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ASSIGN_RETRY = Duration.ofSeconds(5);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final String bootstrapServers;
    private final Map<String, Kind> changelogs;
    private final Sinks.Many<ChangeNotice> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<ChangeNotice> latest = new AtomicReference<>(new ChangeNotice(0, Set.of()));
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public ChangeFeed(@Value("${kafka.bootstrap.servers}") final String bootstrapServers,
                      @Value("${kafka.streams.default.application.id}") final String applicationId) {
        this.bootstrapServers = bootstrapServers;
        this.changelogs = Map.of(
            changelog(applicationId, StoreCatalog.KPI_ROWS_STORE), Kind.ROWS,
            changelog(applicationId, StoreCatalog.SUBTREE_ROWS_STORE), Kind.ROWS,
            changelog(applicationId, StoreCatalog.KPI_ALERTS_STORE), Kind.ALERTS,
            changelog(applicationId, StoreCatalog.SUBTREE_ALERTS_STORE), Kind.ALERTS,
            changelog(applicationId, StoreCatalog.OPEN_CASES_STORE), Kind.CASES);
    }

    private static String changelog(final String applicationId, final String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /** The latest notice first, then every later one; starts the consumer on first use. */
    public Flux<ChangeNotice> notices() {
        start();
        return Flux.concat(Flux.defer(() -> Flux.just(latest.get())), sink.asFlux());
    }

    /** The notice published last. */
    public ChangeNotice latest() {
        return latest.get();
    }

    private void start() {
        if (started.compareAndSet(false, true)) {
            thread = ConsumerLoops.start("console-change-feed", this::run);
        }
    }

    private void run() {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-change-feed");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
                consumer = kafka;
                follow(kafka);
            } catch (final WakeupException e) {
                return; // closing
            } catch (final RuntimeException e) {
                LOG.warn("the console's change feed failed; starting again in {} (pages read the API on reconnect)",
                    RESTART_AFTER, e);
                sleep(RESTART_AFTER);
            }
        }
    }

    private void follow(final KafkaConsumer<byte[], byte[]> kafka) {
        final Set<Kind> pending = EnumSet.noneOf(Kind.class);
        boolean first = true;
        long lastAssign = System.nanoTime();
        long lastNotice = 0;
        while (running) {
            if (first || kafka.assignment().stream().map(TopicPartition::topic).distinct().count() < changelogs.size()
                && System.nanoTime() - lastAssign >= ASSIGN_RETRY.toNanos()) {
                assign(kafka, first);
                first = false;
                lastAssign = System.nanoTime();
            }
            if (kafka.assignment().isEmpty()) {
                sleep(POLL);
                continue;
            }
            for (final ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                pending.add(changelogs.get(record.topic()));
            }
            if (!pending.isEmpty() && System.nanoTime() - lastNotice >= COALESCE.toNanos()) {
                publish(Set.copyOf(pending));
                pending.clear();
                lastNotice = System.nanoTime();
            }
        }
    }

    /**
     * Assigns every partition of the changelogs that exist (the streams create them; the subtree ones only with an
     * organisation file): from their ends at the start, from their beginnings when a changelog appears later.
     */
    private void assign(final KafkaConsumer<byte[], byte[]> kafka, final boolean atStart) {
        final List<TopicPartition> partitions = new ArrayList<>();
        try {
            // one metadata request for every topic: a changelog not created yet is simply absent
            final Map<String, List<PartitionInfo>> topics = kafka.listTopics();
            for (final String topic : changelogs.keySet()) {
                topics.getOrDefault(topic, List.of())
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        } catch (final TimeoutException e) {
            LOG.debug("no topic list yet", e);
            return;
        }
        final List<TopicPartition> added = partitions.stream().filter(p -> !kafka.assignment().contains(p)).toList();
        if (!added.isEmpty()) {
            kafka.assign(partitions);
            if (atStart) {
                kafka.seekToEnd(added);
            } else {
                kafka.seekToBeginning(added);
            }
        }
    }

    private void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private synchronized void publish(final Set<Kind> kinds) {
        final ChangeNotice notice = new ChangeNotice(latest.get().version() + 1, kinds);
        latest.set(notice);
        sink.tryEmitNext(notice);
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        ConsumerLoops.stop(consumer, thread, Duration.ofSeconds(5));
        sink.tryEmitComplete();
    }
}
