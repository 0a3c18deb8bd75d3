package vn.tthc.monitor.notifier.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.delivery.Ledger;
import vn.tthc.monitor.notifier.dispatch.Dispatcher;
import vn.tthc.monitor.notifier.rules.WarningDigests;

/**
 * Feeds the {@link Dispatcher} from Kafka on one thread. Input: {@code tthc-kpi-alerts} (compacted,
 * key {@code ["unit","field","period","kpi"]}, value {@link KpiAlert}), read whole from the start on
 * every start without a consumer group; {@code tthc-case-warnings} (key caseId, value {@link CaseWarning})
 * in the consumer group, committed up to the first warning not yet told; {@code tthc-verdict-reports} (compacted,
 * key {@code ["unit","period","scope"]} and the revision, value {@link VerdictReport}) read whole from the start on
 * every start like the alerts, and created when missing (the ledger says which records were mailed). Output: the
 * ledger topic.
 */
public final class NotifierLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierLoop.class);
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * @param ledgerTopic      the compacted ledger, created (one partition) when missing
     * @param groupId          the consumer group of the case warnings
     */
    public record Settings(String bootstrapServers, String alertsTopic, String caseWarningsTopic,
                           String verdictReportsTopic, String ledgerTopic, String groupId, short replicationFactor) {
    }

    /** Where the loop is: starting (waiting for topics, reading the ledger), running, or failed. */
    public enum State { STARTING, RUNNING, FAILED, STOPPED }

    private final Settings settings;
    private final BiFunction<Ledger, Consumer<String>, Dispatcher> dispatcherOnLedger;
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final WarningOffsets warningOffsets = new WarningOffsets();
    private final KafkaConsumer<String, byte[]> alerts;
    private final KafkaConsumer<String, byte[]> warnings;
    private final KafkaConsumer<String, byte[]> verdictReports;
    private final KafkaProducer<String, byte[]> ledgerProducer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Dispatcher dispatcher;

    /** @param dispatcherOnLedger builds the dispatcher (and its rules) once the ledger is read, given where to report settled warnings */
    public NotifierLoop(final Settings settings, final BiFunction<Ledger, Consumer<String>, Dispatcher> dispatcherOnLedger) {
        this.settings = settings;
        this.dispatcherOnLedger = dispatcherOnLedger;
        this.alerts = new KafkaConsumer<>(consumerConfig(null), new StringDeserializer(), new ByteArrayDeserializer());
        this.warnings = new KafkaConsumer<>(consumerConfig(settings.groupId()), new StringDeserializer(),
            new ByteArrayDeserializer());
        this.verdictReports = new KafkaConsumer<>(consumerConfig(null), new StringDeserializer(),
            new ByteArrayDeserializer());
        final Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.ledgerProducer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, "alert-notifier");
    }

    public synchronized void start() {
        thread.start();
    }

    public State state() {
        return state.get();
    }

    /** The dispatcher, once the ledger has been read. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    private void run() {
        try {
            awaitTopics();
            final KafkaConsumer<String, byte[]> ledgerReader = new KafkaConsumer<>(consumerConfig(null),
                new StringDeserializer(), new ByteArrayDeserializer());
            final LedgerTopic ledger;
            try (ledgerReader) {
                ledger = LedgerTopic.load(settings.ledgerTopic(), ledgerReader, ledgerProducer);
            }
            dispatcher = dispatcherOnLedger.apply(ledger, warningOffsets::settled);
            assignFromStart(alerts, settings.alertsTopic());
            assignFromStart(verdictReports, settings.verdictReportsTopic());
            warnings.subscribe(List.of(settings.caseWarningsTopic()));
            state.set(State.RUNNING);
            LOG.info("notifier running: alerts from {}, case warnings from {} (group {}), verdicts from {}, ledger {}",
                settings.alertsTopic(), settings.caseWarningsTopic(), settings.groupId(),
                settings.verdictReportsTopic(), settings.ledgerTopic());
            while (running) {
                pollOnce();
            }
            commitWarnings(true);
            state.set(State.STOPPED);
        } catch (final WakeupException e) {
            state.set(State.STOPPED);
        } catch (final RuntimeException e) {
            state.set(State.FAILED);
            LOG.error("notifier stopped on an error", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            state.set(State.STOPPED);
        } finally {
            alerts.close();
            warnings.close();
            verdictReports.close();
            ledgerProducer.close(Duration.ofSeconds(10));
        }
    }

    private void pollOnce() {
        for (final ConsumerRecord<String, byte[]> record : alerts.poll(POLL)) {
            final KpiAlert alert = read(record, KpiAlert.class);
            if (alert != null) {
                dispatcher.onAlert(alert);
            }
        }
        for (final ConsumerRecord<String, byte[]> record : warnings.poll(POLL)) {
            final CaseWarning warning = read(record, CaseWarning.class);
            if (warning != null) {
                warningOffsets.read(new TopicPartition(record.topic(), record.partition()), record.offset(),
                    WarningDigests.key(warning));
                dispatcher.onWarning(warning);
            }
        }
        for (final ConsumerRecord<String, byte[]> record : verdictReports.poll(POLL)) {
            final VerdictReport report = read(record, VerdictReport.class);
            if (report != null) {
                dispatcher.onVerdictReport(report);
            }
        }
        dispatcher.tick();
        commitWarnings(false);
    }

    private void commitWarnings(final boolean synchronously) {
        final Set<TopicPartition> assigned = warnings.assignment();
        final Map<TopicPartition, OffsetAndMetadata> offsets = warningOffsets.toCommit(assigned, warnings::position);
        if (offsets.isEmpty()) {
            return;
        }
        if (synchronously) {
            warnings.commitSync(offsets);
            warningOffsets.committed(offsets);
        } else {
            warnings.commitAsync(offsets, (committed, error) -> {
                if (error == null) {
                    warningOffsets.committed(committed);
                } else {
                    LOG.warn("cannot commit case warning offsets, will try again: {}", error.getMessage());
                }
            });
        }
    }

    private static <T> T read(final ConsumerRecord<String, byte[]> record, final Class<T> type) {
        if (record.value() == null) {
            return null;
        }
        try {
            return ContractJson.mapper().readValue(record.value(), type);
        } catch (final IOException e) {
            LOG.error("skipping unreadable {} record at {}-{}@{}: {}", type.getSimpleName(), record.topic(),
                record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    /**
     * Creates the ledger topic when missing; waits until kpi-streams has created the alerts and case-warnings topics;
     * then creates the verdict-reports topic if kpi-streams did not (its archive may be off or not yet deployed),
     * so that kpi-streams' own settings for it (partitions, message size) stand whenever it creates its topics.
     */
    private void awaitTopics() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            createCompacted(admin, settings.ledgerTopic());
            final List<String> inputs = List.of(settings.alertsTopic(), settings.caseWarningsTopic(), settings.ledgerTopic());
            long waited = 0;
            while (running) {
                final Set<String> existing;
                try {
                    existing = admin.listTopics().names().get();
                } catch (final ExecutionException e) {
                    throw new IllegalStateException("cannot list topics", e.getCause());
                }
                if (existing.containsAll(inputs)) {
                    if (!existing.contains(settings.verdictReportsTopic())) {
                        createCompacted(admin, settings.verdictReportsTopic());
                    }
                    return;
                }
                if (waited % 10_000 == 0) {
                    LOG.info("waiting for topics {} (kpi-streams creates them)", inputs);
                }
                Thread.sleep(500);
                waited += 500;
            }
        }
    }

    private void createCompacted(final Admin admin, final String topic) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, settings.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
            LOG.info("created compacted topic {}", topic);
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e.getCause());
            }
        }
    }

    private void assignFromStart(final KafkaConsumer<String, byte[]> consumer, final String topic) {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private Map<String, Object> consumerConfig(final String groupId) {
        final Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return config;
    }

    /** Stops reading, commits what is settled and closes the clients; waits for the loop thread. */
    @Override
    public synchronized void close() {
        running = false;
        if (!thread.isAlive() && state.get() == State.STARTING) {
            alerts.close();
            warnings.close();
            verdictReports.close();
            ledgerProducer.close();
            state.set(State.STOPPED);
            return;
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
