package vn.tthc.monitor.kpi.evaluation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.evaluation.EvaluationReport;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.streams.ConsumerLoops;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;

/**
 * The report archiver: for each verdict record of {@code tthc-kpi-verdicts} (revision 0 the verdict, later ones its
 * corrections), renders the evaluation of the verdict's unit, period and scope as an A4 PDF marked final (and, for a
 * correction, which revision it corrects) and writes a {@link VerdictReport} to the compacted
 * {@code tthc-verdict-reports}, key {@code ["unit","period","scope","revision"]}. Exactly once: a consumer of its own
 * group (read_committed, no auto-commit) and a transactional producer that commits the report together with the
 * verdict's offset ({@code sendOffsetsToTransaction}), one transaction per verdict, so that a crash neither loses
 * nor doubles a report.
 *
 * <p>It runs on a thread of its own, not the stream threads (a render takes up to a second or two), a bounded loop:
 * at most {@value #MAX_POLL_RECORDS} verdicts per poll. A verdict that cannot be archived (not a verdict, a unit
 * unknown, a render that throws, a PDF over the topic's limit) is logged with its reason, counted
 * ({@code tthc_verdict_reports_failed_total}) and written with its reason in headers to the failures topic (as the
 * rejected events are), in the same transaction as its offset, and the next verdict is archived; while the state
 * stores cannot answer (restoring, rebalancing), the verdict is tried again after a pause, never skipped. Anything
 * else (the broker unreachable, this producer fenced) closes the consumer and producer and starts again from the
 * committed offsets.
 */
@Singleton
public class ReportArchiver implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {

    /** The most verdicts one poll returns: about as many seconds of rendering, far below max.poll.interval.ms. */
    static final int MAX_POLL_RECORDS = 10;
    /** Headroom under the topic's limit for the record's key, JSON and headers around the PDF's base64 text. */
    private static final int MAX_PDF_BYTES = ArchiveSettings.REPORTS_MAX_MESSAGE_BYTES / 4 * 3 - 256 * 1024;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ReportArchiver.class);

    private final ArchiveSettings settings;
    private final ArchiveTopics topics;
    private final EvaluationService evaluations;
    private final Clock clock;
    private final String transactionalId;
    private final AtomicLong archived = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running = true;
    /** The verdict whose report waits for the state stores, logged once. */
    private String waitingFor;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public ReportArchiver(final ArchiveSettings settings, final ArchiveTopics topics, final EvaluationService evaluations,
                          final Clock clock, final MeterRegistry registry,
                          @Value("${tthc.archive.transactional-id:}") final String transactionalId) {
        this.settings = settings;
        this.topics = topics;
        this.evaluations = evaluations;
        this.clock = clock;
        this.transactionalId = transactionalId.isBlank() ? settings.groupId() + "-" + hostName() : transactionalId;
        FunctionCounter.builder("tthc.verdict.reports.archived", archived, AtomicLong::get)
            .description("Verdicts whose evaluation report this instance archived (PDF written to the reports topic)")
            .register(registry);
        FunctionCounter.builder("tthc.verdict.reports.failed", failed, AtomicLong::get)
            .description("Verdicts that could not be archived: logged and written to the failures topic, then skipped")
            .register(registry);
    }

    @Override
    public void onApplicationEvent(final ServerStartupEvent event) {
        if (settings.enabled()) {
            start();
        } else {
            LOG.info("the report archiver is off on this instance (tthc.archive.enabled=false)");
        }
    }

    /** Starts archiving (once). */
    public void start() {
        if (started.compareAndSet(false, true)) {
            thread = ConsumerLoops.start("verdict-report-archiver", this::run);
        }
    }

    /** Verdicts archived by this instance since it started. */
    public long archived() {
        return archived.get();
    }

    /** Verdicts that could not be archived, since this instance started. */
    public long failed() {
        return failed.get();
    }

    private void run() {
        while (running) {
            try {
                topics.ensure();
                try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
                     KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(),
                         new ByteArraySerializer(), new ByteArraySerializer())) {
                    consumer = kafka;
                    producer.initTransactions();
                    kafka.subscribe(List.of(settings.verdictsTopic()));
                    LOG.info("archiving the reports of the verdicts of {} to {} (group {}, transactional id {})",
                        settings.verdictsTopic(), settings.reportsTopic(), settings.groupId(), transactionalId);
                    archive(kafka, producer);
                }
            } catch (final WakeupException e) {
                return; // closing
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (final RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("the report archiver failed; starting again from the committed verdicts in {}", RESTART_AFTER, e);
                if (!ArchiveTopics.pause(RESTART_AFTER)) {
                    return;
                }
            }
        }
    }

    private void archive(final KafkaConsumer<byte[], byte[]> kafka, final KafkaProducer<byte[], byte[]> producer) {
        while (running) {
            final ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
            final Map<TopicPartition, Long> firstUndone = new HashMap<>();
            for (final TopicPartition partition : records.partitions()) {
                firstUndone.put(partition, records.records(partition).get(0).offset());
            }
            boolean retry = false;
            for (final ConsumerRecord<byte[], byte[]> record : records) {
                if (!running) {
                    return;
                }
                final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                final Outcome outcome = outcome(record);
                if (outcome == null) {
                    retry = true;
                    break;
                }
                producer.beginTransaction();
                producer.send(outcome.record());
                producer.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)),
                    kafka.groupMetadata());
                producer.commitTransaction();
                firstUndone.put(partition, record.offset() + 1);
                if (outcome.failure() == null) {
                    archived.incrementAndGet();
                    LOG.info("archived the evaluation report of {} revision {} ({} bytes of PDF) to {}", outcome.what(),
                        outcome.revision(), outcome.pdfBytes(), settings.reportsTopic());
                } else {
                    failed.incrementAndGet();
                    LOG.error("could not archive the report of verdict record {}-{}@{} ({}): {}; written to {}, skipped",
                        record.topic(), record.partition(), record.offset(), outcome.what(), outcome.failure(),
                        settings.failuresTopic());
                }
            }
            if (retry) {
                firstUndone.forEach(kafka::seek);
                if (!ArchiveTopics.pause(settings.retryBackoff())) {
                    return;
                }
            }
        }
    }

    /** What to write for {@code record}: its report or its failure; null when it must be tried again later. */
    private Outcome outcome(final ConsumerRecord<byte[], byte[]> record) {
        final PeriodVerdict verdict;
        final Period period;
        try {
            verdict = parse(record.value());
            period = Period.parse(verdict.period());
        } catch (final IOException | RuntimeException e) {
            return failure(record, "unreadable", "không đọc được kết luận: " + e.getClass().getSimpleName() + ": "
                + e.getMessage(), e);
        }
        final String what = verdict.unitId() + " " + verdict.period() + " " + verdict.scope().wireName();
        try {
            final long start = System.nanoTime();
            final QueryResult<EvaluationReport> evaluation = evaluations.evaluate(verdict.unitId(), verdict.scope(), period);
            if (evaluation instanceof QueryResult.Found<EvaluationReport> found) {
                final byte[] pdf = EvaluationPdf.render(EvaluationHtml.render(found.value(), verdict));
                if (pdf.length > MAX_PDF_BYTES) {
                    return failure(record, what, "báo cáo " + pdf.length + " byte, vượt giới hạn " + MAX_PDF_BYTES
                        + " byte của chủ đề lưu trữ", null);
                }
                final byte[] value = ContractJson.mapper().writeValueAsBytes(new VerdictReport(verdict, pdf, clock.instant()));
                LOG.debug("rendered {} revision {} in {} ms", what, verdict.revision(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
                return new Outcome(new ProducerRecord<>(settings.reportsTopic(), reportKey(verdict), value), what,
                    verdict.revision(), pdf.length, null);
            }
            if (evaluation instanceof QueryResult.NotFound<EvaluationReport>) {
                return failure(record, what, "không tìm thấy đơn vị " + verdict.unitId(), null);
            }
            final String waiting = what + " revision " + verdict.revision();
            if (!waiting.equals(waitingFor)) {
                LOG.info("the state stores cannot answer yet; the report of {} is tried again every {} until they can",
                    waiting, settings.retryBackoff());
                waitingFor = waiting;
            }
            return null;
        } catch (final IOException | RuntimeException e) {
            return failure(record, what, "lập báo cáo thất bại: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static PeriodVerdict parse(final byte[] value) throws IOException {
        if (value == null) {
            throw new IOException("empty record");
        }
        final PeriodVerdict verdict = ContractJson.mapper().readValue(value, PeriodVerdict.class);
        if (verdict.unitId() == null || verdict.unitId().isBlank() || verdict.period() == null || verdict.revision() < 0) {
            throw new IOException("a verdict needs unitId, period and a revision of at least 0");
        }
        return verdict;
    }

    /** The reports topic's key: the verdict's key with its revision, {@code ["unit","period","scope","0"]}. */
    static byte[] reportKey(final PeriodVerdict verdict) throws IOException {
        final List<String> key = new java.util.ArrayList<>(verdict.key());
        key.add(Integer.toString(verdict.revision()));
        return ContractJson.mapper().writeValueAsBytes(key);
    }

    private Outcome failure(final ConsumerRecord<byte[], byte[]> record, final String what, final String reason,
                            final Exception error) {
        if (error != null) {
            LOG.debug("archiving {} failed", what, error);
        }
        final RecordHeaders headers = new RecordHeaders();
        final String cut = reason.length() > 1000 ? reason.substring(0, 1000) + "…" : reason;
        RejectionHeaders.put(headers, RejectionHeaders.REASON, cut);
        RejectionHeaders.put(headers, RejectionHeaders.KIND, "verdict_report_failed");
        if (error != null) {
            RejectionHeaders.put(headers, RejectionHeaders.EXCEPTION, error.getClass().getName());
        }
        RejectionHeaders.put(headers, RejectionHeaders.SOURCE_TOPIC, record.topic());
        RejectionHeaders.put(headers, RejectionHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        RejectionHeaders.put(headers, RejectionHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        return new Outcome(new ProducerRecord<>(settings.failuresTopic(), null, record.key(), record.value(), headers),
            what, -1, 0, cut);
    }

    /** The record to write for one verdict: its report, or its failure (with {@code failure} the reason). */
    private record Outcome(ProducerRecord<byte[], byte[]> record, String what, int revision, int pdfBytes, String failure) {
    }

    private Properties consumerConfig() {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "verdict-report-archiver");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // the verdicts topic is the verdict stage's: when it appears after this consumer started, notice it soon
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        return config;
    }

    private Properties producerConfig() {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "verdict-report-archiver");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ArchiveSettings.REPORTS_MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return config;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (final UnknownHostException e) {
            return "localhost";
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        ConsumerLoops.stop(consumer, thread, Duration.ofSeconds(10));
    }
}
