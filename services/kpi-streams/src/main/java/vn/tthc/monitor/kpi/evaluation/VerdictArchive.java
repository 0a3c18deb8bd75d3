package vn.tthc.monitor.kpi.evaluation;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.kpi.streams.ConsumerLoops;

/**
 * The archive of evaluation reports is the compacted topic {@code tthc-verdict-reports}: this index reads it from
 * the beginning when the service starts (every partition, without a consumer group, read_committed) and then
 * follows it, so that every instance serves every archived report, the ones archived by another instance included.
 * It keeps every verdict and correction ({@link #verdicts}) and, per (unit, period, scope), the archived PDF of the
 * latest revision ({@link #latest}). It is {@linkplain #ready() ready} once it has read what the topic held at
 * start; before that, the evaluations of ended periods answer 503 rather than a provisional report.
 */
@Singleton
public class VerdictArchive implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictArchive.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(5);

    private final ArchiveSettings settings;
    private final ArchiveTopics topics;
    /** The latest archived revision per verdict key ({@link PeriodVerdict#key()}). */
    private final Map<List<String>, VerdictReport> latest = new ConcurrentHashMap<>();
    /** Every revision of every verdict, by its record key (the verdict key and the revision). */
    private final Map<List<String>, ArchivedVerdict> revisions = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /** A verdict or correction as the archive holds it, without its PDF. */
    public record ArchivedVerdict(PeriodVerdict verdict, java.time.Instant archivedAt, int reportBytes) {
    }

    public VerdictArchive(final ArchiveSettings settings, final ArchiveTopics topics) {
        this.settings = settings;
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(final ServerStartupEvent event) {
        start();
    }

    /** Starts reading the archive (once); the service does it when its HTTP server is up. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            thread = ConsumerLoops.start("verdict-archive-index", this::run);
        }
    }

    /** Whether the archive has been read up to where the topic ended at start. */
    public boolean ready() {
        return ready;
    }

    /** The archived report of the latest revision of the verdict on (unit, period, scope), if there is one. */
    public Optional<VerdictReport> latest(final String unitId, final String period, final Scope scope) {
        return Optional.ofNullable(latest.get(List.of(unitId, period, scope.wireName())));
    }

    /**
     * The verdicts and corrections archived, of {@code unitId} and {@code period} when given (null: any), newest
     * period first, then unit, scope and revision.
     */
    public List<ArchivedVerdict> verdicts(final String unitId, final String period) {
        final List<ArchivedVerdict> found = new ArrayList<>();
        for (final ArchivedVerdict archived : revisions.values()) {
            final PeriodVerdict verdict = archived.verdict();
            if ((unitId == null || verdict.unitId().equals(unitId)) && (period == null || verdict.period().equals(period))) {
                found.add(archived);
            }
        }
        found.sort(Comparator.comparing((ArchivedVerdict a) -> a.verdict().period()).reversed()
            .thenComparing(a -> a.verdict().unitId())
            .thenComparing(a -> a.verdict().scope().wireName())
            .thenComparingInt(a -> a.verdict().revision()));
        return found;
    }

    private void run() {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "verdict-archive-index");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ArchiveSettings.REPORTS_MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, ArchiveSettings.REPORTS_MAX_MESSAGE_BYTES);
        while (running) {
            try {
                topics.ensure();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (final RuntimeException e) {
                LOG.warn("cannot create the archive's topics yet; trying again in {}", RESTART_AFTER, e);
                sleep(RESTART_AFTER);
                continue;
            }
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
                consumer = kafka;
                follow(kafka);
            } catch (final WakeupException e) {
                return; // closing
            } catch (final RuntimeException e) {
                LOG.warn("reading the verdict reports archive {} failed; starting again in {}", settings.reportsTopic(),
                    RESTART_AFTER, e);
                sleep(RESTART_AFTER);
            }
        }
    }

    private void follow(final KafkaConsumer<byte[], byte[]> kafka) {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            final List<PartitionInfo> infos = kafka.partitionsFor(settings.reportsTopic());
            partitions = infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                sleep(POLL);
            }
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        final Map<TopicPartition, Long> ends = new HashMap<>(kafka.endOffsets(partitions));
        long read = 0;
        while (running) {
            for (final ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                add(record);
                read++;
            }
            if (!ready) {
                ends.entrySet().removeIf(end -> kafka.position(end.getKey()) >= end.getValue());
                if (ends.isEmpty()) {
                    ready = true;
                    LOG.info("verdict reports archive {} read: {} records, {} verdicts with a report",
                        settings.reportsTopic(), read, latest.size());
                }
            }
        }
    }

    private void add(final ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        final VerdictReport report;
        try {
            report = ContractJson.mapper().readValue(record.value(), VerdictReport.class);
        } catch (final java.io.IOException | RuntimeException e) {
            LOG.warn("skipping record {}-{}@{} of {}: not a verdict report ({})", record.topic(), record.partition(),
                record.offset(), settings.reportsTopic(), e.getMessage());
            return;
        }
        final PeriodVerdict verdict = report.verdict();
        if (verdict == null || verdict.unitId() == null || verdict.period() == null || report.reportPdf() == null) {
            LOG.warn("skipping record {}-{}@{}: a verdict report without its verdict or PDF (key {})", record.topic(),
                record.partition(), record.offset(), record.key() == null ? null
                    : new String(record.key(), StandardCharsets.UTF_8));
            return;
        }
        final List<String> revisionKey = new ArrayList<>(verdict.key());
        revisionKey.add(Integer.toString(verdict.revision()));
        revisions.put(List.copyOf(revisionKey), new ArchivedVerdict(verdict, report.archivedAt(), report.reportPdf().length));
        latest.merge(verdict.key(), report, (before, now) ->
            now.verdict().revision() >= before.verdict().revision() ? now : before);
    }

    private void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        ConsumerLoops.stop(consumer, thread, Duration.ofSeconds(5));
    }
}
