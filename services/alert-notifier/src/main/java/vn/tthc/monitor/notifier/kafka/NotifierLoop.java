package vn.tthc.monitor.notifier.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
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
import vn.tthc.monitor.contract.action.ActionEvent;
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
 * read whole from the offsets the consumer group committed, up to the first warning not yet told;
 * {@code tthc-verdict-reports} (compacted, key {@code ["unit","period","scope"]} and the revision, value
 * {@link VerdictReport}) read whole from the start on every start like the alerts, and created when missing (the
 * ledger says which records were mailed); {@code tthc-corrective-actions} (key: the alert key, value
 * {@link ActionEvent}), read whole from the start like the alerts once kpi-streams has created it (looked for every
 * {@link #ACTIONS_TOPIC_CHECK} until then); the ledger, read whole then followed. Every notifier of the group reads
 * all of it; the group's assignment of the case-warnings partitions says which units this one tells
 * ({@link UnitOwnership}), and this one commits the offsets of those partitions. Output: the ledger topic.
 */
public final class NotifierLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierLoop.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** How often a missing corrective-actions topic is looked for. */
    static final Duration ACTIONS_TOPIC_CHECK = Duration.ofSeconds(10);

    /**
     * @param ledgerTopic      the compacted ledger, created (one partition) when missing
     * @param groupId          the consumer group of the notifiers: its assignment of the case-warnings partitions
     *                         shares the units out, and it keeps the case warnings' offsets
     * @param sessionTimeout   how long the group waits for a silent notifier before its units go to the others
     */
    public record Settings(String bootstrapServers, String alertsTopic, String caseWarningsTopic,
                           String verdictReportsTopic, String correctiveActionsTopic, String ledgerTopic, String groupId,
                           short replicationFactor,
                           Duration sessionTimeout) {
    }

    /** Builds the dispatcher once the ledger is read. */
    @FunctionalInterface
    public interface DispatcherFactory {
        /**
         * @param warningSettled where to report settled warnings
         * @param owns           whether this notifier tells a unit now
         */
        Dispatcher create(Ledger ledger, Consumer<String> warningSettled, Predicate<String> owns);
    }

    /** Where the loop is: starting (waiting for topics, reading the ledger), running, or failed. */
    public enum State { STARTING, RUNNING, FAILED, STOPPED }

    private final Settings settings;
    private final DispatcherFactory dispatcherOnLedger;
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final WarningOffsets warningOffsets = new WarningOffsets();
    private final KafkaConsumer<String, byte[]> alerts;
    private final KafkaConsumer<String, byte[]> warnings;
    private final KafkaConsumer<String, byte[]> group;
    private final KafkaConsumer<String, byte[]> verdictReports;
    private final KafkaConsumer<String, byte[]> actions;
    /** Where the alerts and the corrective actions ended when assigned: overdue actions wait until both are read. */
    private final Map<TopicPartition, Long> startEnds = new HashMap<>();
    private boolean inputsRead;
    private long actionsTopicCheckedAt;
    private boolean actionsTopicMissingLogged;
    private final KafkaProducer<String, byte[]> ledgerProducer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Dispatcher dispatcher;
    private volatile UnitOwnership ownership;
    private LedgerTopic ledger;

    /** @param dispatcherOnLedger builds the dispatcher (and its rules) once the ledger is read */
    public NotifierLoop(final Settings settings, final DispatcherFactory dispatcherOnLedger) {
        this.settings = settings;
        this.dispatcherOnLedger = dispatcherOnLedger;
        this.alerts = new KafkaConsumer<>(consumerConfig(null), new StringDeserializer(), new ByteArrayDeserializer());
        this.warnings = new KafkaConsumer<>(consumerConfig(null), new StringDeserializer(), new ByteArrayDeserializer());
        final Map<String, Object> groupConfig = consumerConfig(settings.groupId());
        groupConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        groupConfig.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        groupConfig.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            (int) Math.max(500, settings.sessionTimeout().toMillis() / 3));
        this.group = new KafkaConsumer<>(groupConfig, new StringDeserializer(), new ByteArrayDeserializer());
        this.verdictReports = new KafkaConsumer<>(consumerConfig(null), new StringDeserializer(),
            new ByteArrayDeserializer());
        final Map<String, Object> actionsConfig = consumerConfig(null);
        // looked for until kpi-streams creates it (delete policy, kept for ever): never created by asking for it
        actionsConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.actions = new KafkaConsumer<>(actionsConfig, new StringDeserializer(), new ByteArrayDeserializer());
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

    /** Which units this notifier tells, once the topics exist; null before. */
    public UnitOwnership ownership() {
        return ownership;
    }

    /** The dispatcher, once the ledger has been read. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    private void run() {
        try {
            awaitTopics();
            ledger = LedgerTopic.load(settings.ledgerTopic(), new KafkaConsumer<>(consumerConfig(null),
                new StringDeserializer(), new ByteArrayDeserializer()), ledgerProducer);
            final UnitOwnership units = new UnitOwnership(group.partitionsFor(settings.caseWarningsTopic()).size());
            ownership = units;
            dispatcher = dispatcherOnLedger.create(ledger, warningOffsets::settled, units::owns);
            assignFromStart(alerts, settings.alertsTopic());
            startEnds.putAll(alerts.endOffsets(alerts.assignment()));
            assignActions();
            assignFromStart(verdictReports, settings.verdictReportsTopic());
            assignFromCommitted(warnings, settings.caseWarningsTopic());
            group.subscribe(List.of(settings.caseWarningsTopic()), new Rebalance(units));
            state.set(State.RUNNING);
            LOG.info("notifier running: alerts from {}, case warnings from {} (group {}, units over {} partitions), "
                    + "verdicts from {}, ledger {}", settings.alertsTopic(), settings.caseWarningsTopic(),
                settings.groupId(), units.partitions(), settings.verdictReportsTopic(), settings.ledgerTopic());
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
            // the group first: leaving it gives the partitions up (commits, ledger flushed) while all else is open
            group.close();
            alerts.close();
            warnings.close();
            verdictReports.close();
            actions.close();
            if (ledger != null) {
                ledger.close();
            }
            ledgerProducer.close(Duration.ofSeconds(10));
        }
    }

    /**
     * The group's assignment of the case-warnings partitions, told on the loop's thread (inside {@code group.poll}).
     * The group's consumer never fetches (its partitions are paused): the warnings are read whole by another; it
     * only holds the partitions and commits their offsets.
     */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final UnitOwnership units;

        private Rebalance(final UnitOwnership units) {
            this.units = units;
        }

        /** Commits the partitions' offsets, stops telling their units and makes this notifier's ledger appends durable. */
        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            final Map<TopicPartition, OffsetAndMetadata> offsets = warningOffsets.toCommit(partitions, warnings::position);
            if (!offsets.isEmpty()) {
                group.commitSync(offsets);
                warningOffsets.committed(offsets);
            }
            giveUp(partitions);
        }

        @Override
        public void onPartitionsLost(final Collection<TopicPartition> partitions) {
            giveUp(partitions);
        }

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            group.pause(partitions);
            units.assigned(partitions, ledger.endOffsets());
            LOG.info("case-warnings partitions {} assigned: their units are told once the ledger is read to its end",
                partitions.stream().map(TopicPartition::partition).sorted().toList());
        }

        private void giveUp(final Collection<TopicPartition> partitions) {
            units.revoked(partitions);
            dispatcher.dropUnowned();
            ledger.flush();
            LOG.info("case-warnings partitions {} given up: their units are told by another notifier",
                partitions.stream().map(TopicPartition::partition).sorted().toList());
        }
    }

    private void pollOnce() {
        group.poll(Duration.ZERO);
        ledger.follow();
        ownership.takeOver(ledger::hasRead);
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
        if (actions.assignment().isEmpty()) {
            assignActions();
        } else {
            for (final ConsumerRecord<String, byte[]> record : actions.poll(POLL)) {
                final ActionEvent event = read(record, ActionEvent.class);
                if (event != null) {
                    dispatcher.onAction(event);
                }
            }
        }
        if (!inputsRead && startEnds.entrySet().stream().allMatch(end -> position(end.getKey()) >= end.getValue())) {
            inputsRead = true;
            dispatcher.inputsRead(true);
            LOG.info("alerts and corrective actions read to where they stood at the start: overdue actions are escalated");
        }
        dispatcher.tick();
        commitWarnings(false);
    }

    /**
     * Reads the corrective actions from the start once the topic exists (kpi-streams creates it); looked for at most
     * every {@link #ACTIONS_TOPIC_CHECK}. Until then no action is known, and none is overdue.
     */
    private void assignActions() {
        final long now = System.nanoTime();
        if (actionsTopicCheckedAt != 0 && now - actionsTopicCheckedAt < ACTIONS_TOPIC_CHECK.toNanos()) {
            return;
        }
        actionsTopicCheckedAt = now;
        if (actions.partitionsFor(settings.correctiveActionsTopic()).isEmpty()) {
            if (!actionsTopicMissingLogged) {
                actionsTopicMissingLogged = true;
                LOG.info("no topic {} yet (kpi-streams creates it): corrective actions are not followed until it exists",
                    settings.correctiveActionsTopic());
            }
            return;
        }
        assignFromStart(actions, settings.correctiveActionsTopic());
        startEnds.putAll(actions.endOffsets(actions.assignment()));
        if (inputsRead) {
            // found after the start: its events are read before an action can be overdue
            inputsRead = false;
            dispatcher.inputsRead(false);
        }
        LOG.info("following the corrective actions of {}", settings.correctiveActionsTopic());
    }

    private long position(final TopicPartition partition) {
        return partition.topic().equals(settings.alertsTopic()) ? alerts.position(partition) : actions.position(partition);
    }

    /** Commits the offsets of the case-warnings partitions the group gave this notifier. */
    private void commitWarnings(final boolean synchronously) {
        final Set<TopicPartition> assigned = group.assignment();
        final Map<TopicPartition, OffsetAndMetadata> offsets = warningOffsets.toCommit(assigned, warnings::position);
        if (offsets.isEmpty()) {
            return;
        }
        if (synchronously) {
            group.commitSync(offsets);
            warningOffsets.committed(offsets);
        } else {
            group.commitAsync(offsets, (committed, error) -> {
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

    /** Reads every partition from the group's committed offset (what is before it is told), or from the start. */
    private void assignFromCommitted(final KafkaConsumer<String, byte[]> consumer, final String topic) {
        final Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        consumer.assign(partitions);
        final Map<TopicPartition, OffsetAndMetadata> committed = group.committed(partitions);
        for (final TopicPartition partition : partitions) {
            final OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
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
            group.close();
            verdictReports.close();
            actions.close();
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
