package vn.tthc.monitor.kpi.topology;

import vn.tthc.monitor.testing.TestDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.duplicates.DuplicateSettings;
import vn.tthc.monitor.kpi.topology.forecast.ForecastParts;
import vn.tthc.monitor.kpi.topology.forecast.ForecastSettings;
import vn.tthc.monitor.kpi.topology.forecast.ForecastReading;
import vn.tthc.monitor.kpi.topology.subtree.SpreadBacklog;
import vn.tthc.monitor.kpi.topology.verdicts.OpenCount;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.deadletter.DeadLetterHandlers;

/** The production pipeline in a {@link TopologyTestDriver}, with typed access to its topics and stores. */
final class PipelineDriver implements AutoCloseable {

    static final TopicCatalog TOPICS = TopicCatalog.named(TopicCatalog.Names.prefixed(""));
    static final Duration EMIT_INTERVAL = Duration.ofMillis(100);
    static final Duration ALERT_UPDATE_INTERVAL = Duration.ofSeconds(1);
    static final DueSoonWindow DUE_SOON = DueSoonWindow.fixed(Duration.ofHours(24));
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    static final Duration WATCH_GRACE = Duration.ofSeconds(60);
    private static final String APPLICATION_ID = "pipeline-test";

    private final TopologyTestDriver driver;
    /** The driver's wall clock: where it started, moved on by every advance. */
    private Instant wallClock;
    private final TestInputTopic<byte[], byte[]> events;
    private final PipelineSettings settings;
    private final Organisation organisation;
    /** Where the task's state is kept over a {@link #restarted}; null when the driver's state goes with it. */
    private final Path taskState;
    private boolean closed;

    PipelineDriver(final Targets targets) {
        this(targets, Instant.now());
    }

    /** {@code wallClock}: where the driver's wall clock starts; it moves only by {@link #advanceWallClock}. */
    PipelineDriver(final Targets targets, final Instant wallClock) {
        this(targets, wallClock, DUE_SOON);
    }

    PipelineDriver(final Targets targets, final Instant wallClock, final DueSoonWindow dueSoon) {
        this(targets, wallClock, dueSoon, Organisation.of(List.of()), ForecastSettings.DEFAULTS);
    }

    PipelineDriver(final Targets targets, final Instant wallClock, final ForecastSettings forecast) {
        this(targets, wallClock, DUE_SOON, Organisation.of(List.of()), forecast);
    }

    /** With an organisation file: subtree rows and their alerts. */
    PipelineDriver(final Targets targets, final Organisation organisation) {
        this(targets, Instant.now(), DUE_SOON, organisation, ForecastSettings.DEFAULTS);
    }

    PipelineDriver(final Targets targets, final Instant wallClock, final DueSoonWindow dueSoon,
                   final Organisation organisation, final ForecastSettings forecast) {
        this(settings(targets, dueSoon, forecast, VerdictSettings.DEFAULTS, DuplicateSettings.DEFAULTS), organisation,
            wallClock, null);
    }

    /**
     * With these verdict settings, its task's state kept in {@code taskState}: the driver deletes its state directory
     * when it closes, so the task's directory is a link to {@code taskState}, and a driver opened again on the same
     * {@code taskState} starts from the state the closed one left, as a restarted service does from its disk.
     */
    static PipelineDriver onTaskState(final Targets targets, final Instant wallClock, final Organisation organisation,
                                      final VerdictSettings verdicts, final Path taskState) {
        return new PipelineDriver(settings(targets, DUE_SOON, ForecastSettings.DEFAULTS, verdicts, DuplicateSettings.DEFAULTS),
            organisation, wallClock, taskState);
    }

    /** With these settings of the cross-key duplicate check, its task's state kept in {@code taskState} (see {@link #onTaskState}). */
    static PipelineDriver withDuplicates(final DuplicateSettings duplicates, final Instant wallClock, final Path taskState) {
        return new PipelineDriver(settings(Targets.sectionThreeDefaults(), DUE_SOON, ForecastSettings.DEFAULTS,
            VerdictSettings.DEFAULTS, duplicates), Organisation.of(List.of()), wallClock, taskState);
    }

    /**
     * Closes this driver and opens it again on its task's state, with the same targets, organisation and settings,
     * its wall clock going on from where this one stopped: a service restarted from its disk.
     */
    PipelineDriver restarted() {
        return restartedAt(wallClock);
    }

    /** As {@link #restarted}, its wall clock starting at {@code wallClock} (the time the service was down left out). */
    PipelineDriver restartedAt(final Instant wallClock) {
        if (taskState == null) {
            throw new IllegalStateException("a driver restarts on its task's state: open it with onTaskState or withDuplicates");
        }
        close();
        return new PipelineDriver(settings, organisation, wallClock, taskState);
    }

    private static PipelineSettings settings(final Targets targets, final DueSoonWindow dueSoon, final ForecastSettings forecast,
                                             final VerdictSettings verdicts, final DuplicateSettings duplicates) {
        return new PipelineSettings(targets, EMIT_INTERVAL, ALERT_UPDATE_INTERVAL, dueSoon, WATCH_INTERVAL, WATCH_GRACE,
            forecast, verdicts, duplicates);
    }

    /** A fresh state directory whose task directory (the driver runs one task, 0_0) is a link to {@code taskState}. */
    private static Path linkedStateDir(final Path taskState) {
        final Path stateDir = TestDirectories.fresh("pipeline-driver");
        try {
            Files.createDirectories(taskState);
            Files.createDirectories(stateDir.resolve(APPLICATION_ID));
            Files.createSymbolicLink(stateDir.resolve(APPLICATION_ID).resolve("0_0"), taskState);
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
        return stateDir;
    }

    /** {@code taskState}: the task's state kept there (see {@link #onTaskState}), or null for a fresh one that goes with the driver. */
    private PipelineDriver(final PipelineSettings settings, final Organisation organisation, final Instant wallClock,
                           final Path taskState) {
        this.settings = settings;
        this.organisation = organisation;
        this.taskState = taskState;
        final Path stateDir = taskState == null ? TestDirectories.fresh("pipeline-driver") : linkedStateDir(taskState);
        final StreamsBuilder builder = new StreamsBuilder();
        new KpiPipeline(TOPICS, settings, organisation).addTo(builder);
        final Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.putAll(DeadLetterHandlers.streamsConfig(TOPICS.rejected().name()));
        driver = new TopologyTestDriver(builder.build(config), config, wallClock);
        this.wallClock = wallClock;
        events = driver.createInputTopic(TOPICS.events().name(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    PipelineDriver() {
        this(Targets.sectionThreeDefaults());
    }

    /** Sends one event line as a case system would, the non-blank ones only (as a replay does). */
    void send(final String line) {
        if (!line.isBlank()) {
            events.pipeInput(new TestRecord<>(null, line.getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
        }
    }

    /** Sends an event in the contract's JSON form. */
    void send(final Event event) {
        try {
            send(ContractJson.mapper().writeValueAsString(event));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an event keyed by its entity's id, as EVENTS.md section 1 asks and the gateway does. */
    void sendKeyed(final Event event) {
        try {
            events.pipeInput(new TestRecord<>(event.key().getBytes(StandardCharsets.UTF_8),
                ContractJson.mapper().writeValueAsBytes(event), Instant.EPOCH));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void sendAll(final List<String> lines) {
        lines.forEach(this::send);
    }

    Map<KpiRowKey, KpiCounters> rows() {
        return rows(StoreCatalog.KPI_ROWS_STORE);
    }

    /** The subtree rows store, read whole. */
    Map<KpiRowKey, KpiCounters> subtreeRows() {
        return rows(StoreCatalog.SUBTREE_ROWS_STORE);
    }

    /**
     * The projections of their open cases the units spread to the subtree rows' forecast, as the top's task keeps them
     * ({@link StoreCatalog#SUBTREE_FORECAST_PARTS_STORE}): by subtree row, by unit.
     */
    Map<KpiRowKey, Map<String, ForecastProjection>> subtreeForecastParts() {
        final KeyValueStore<String, ForecastParts> store = driver.getKeyValueStore(StoreCatalog.SUBTREE_FORECAST_PARTS_STORE);
        final Map<KpiRowKey, Map<String, ForecastProjection>> parts = new HashMap<>();
        try (KeyValueIterator<String, ForecastParts> all = store.all()) {
            all.forEachRemaining(entry -> {
                final String top = KpiRowKeyFormat.parse(KpiRowKeyFormat.withPart(entry.key, "")).unitId();
                entry.value.projections().forEach((own, projection) -> parts
                    .computeIfAbsent(new KpiRowKey(top, own.fieldId(), own.period()), any -> new HashMap<>())
                    .put(own.unitId(), projection));
            });
        }
        return parts;
    }

    /** Each child's part of the subtree rows: {@code ["top","field","period","child"]} → counters. */
    Map<String, KpiCounters> subtreeChildren() {
        final KeyValueStore<String, KpiCounters> store = driver.getKeyValueStore(StoreCatalog.SUBTREE_CHILDREN_STORE);
        final Map<String, KpiCounters> parts = new HashMap<>();
        try (KeyValueIterator<String, KpiCounters> all = store.all()) {
            all.forEachRemaining(part -> parts.put(part.key, part.value));
        }
        return parts;
    }

    private Map<KpiRowKey, KpiCounters> rows(final String storeName) {
        final KeyValueStore<String, KpiCounters> store = driver.getKeyValueStore(storeName);
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        try (KeyValueIterator<String, KpiCounters> all = store.all()) {
            all.forEachRemaining(row -> rows.put(KpiRowKeyFormat.parse(row.key), row.value));
        }
        return rows;
    }

    long rejectedCount() {
        return total(StoreCatalog.REJECTED_COUNTS_STORE);
    }

    long acceptedCount() {
        return total(StoreCatalog.ACCEPTED_COUNTS_STORE);
    }

    long duplicateCount() {
        return total(StoreCatalog.DUPLICATE_COUNTS_STORE);
    }

    long unverifiedIdCount() {
        return total(StoreCatalog.UNVERIFIED_ID_COUNTS_STORE);
    }

    /** The ids in {@code event-ids-store}, counted one by one (with the purge's own key, once anything was purged). */
    long eventIdsStored() {
        long entries = 0;
        try (KeyValueIterator<String, Long> all = driver.<String, Long>getKeyValueStore(StoreCatalog.EVENT_IDS_STORE).all()) {
            while (all.hasNext()) {
                all.next();
                entries++;
            }
        }
        return entries;
    }

    /** The sum over sources of one of the intake's counts. */
    private long total(final String countsStore) {
        final KeyValueStore<String, Long> store = driver.getKeyValueStore(countsStore);
        long total = 0;
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                total += all.next().value;
            }
        }
        return total;
    }

    /** The report of the stores: own rows, and subtree rows as the pipeline summed them. */
    KpiReport report() {
        return KpiReport.of(rows(), subtreeRows(), settings.targets(), rejectedCount());
    }

    List<TestRecord<byte[], byte[]>> rejectedRecords() {
        return driver.createOutputTopic(TOPICS.rejected().name(),
            TOPICS.rejected().keySerde().deserializer(), TOPICS.rejected().valueSerde().deserializer()).readRecordsToList();
    }

    /** The records written so far to {@code topic}, internal ones too (e.g. {@code pipeline-test-<name>-repartition}). */
    List<TestRecord<byte[], byte[]>> records(final String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    /** Sends records again, as they are, to {@code topic} (e.g. an internal one, as a revived task would). */
    void resend(final String topic, final List<TestRecord<byte[], byte[]>> records) {
        final TestInputTopic<byte[], byte[]> input =
            driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
        records.forEach(input::pipeInput);
    }

    /** Sends a record of the events topic as it is. */
    void send(final TestRecord<byte[], byte[]> record) {
        events.pipeInput(record);
    }

    /** Lets the wall clock run past the next emission of changed KPI rows. */
    void emitKpiRows() {
        advanceWallClock(EMIT_INTERVAL);
    }

    /** Lets the wall clock run past the next spread of the own rows' changes to the subtree rows (every emit interval). */
    void spreadToSubtrees() {
        advanceWallClock(EMIT_INTERVAL);
    }

    /** The subtree spread's backlog metric of the task ({@code SpreadBacklog}): whether changes are on their way. */
    boolean subtreeSpreadPending() {
        return SpreadBacklog.GAUGE.sum(driver.metrics()) > 0;
    }

    /** The forecast's reading metric of the task ({@code ForecastReading}): units whose open cases are not read back yet. */
    long forecastUnitsUnread() {
        return Math.round(ForecastReading.GAUGE.sum(driver.metrics()));
    }

    /** Lets the wall clock run past the next update of open alerts whose rows changed (and the emissions of rows before it). */
    void updateAlerts() {
        advanceWallClock(ALERT_UPDATE_INTERVAL);
    }

    /** Moves the wall clock on (the punctuations due run); returns the new time. */
    Instant advanceWallClock(final Duration duration) {
        driver.advanceWallClockTime(duration);
        wallClock = wallClock.plus(duration);
        return wallClock;
    }

    /** Moves the wall clock on to {@code time}; returns it. */
    Instant advanceWallClockTo(final Instant time) {
        return advanceWallClock(Duration.between(wallClock, time));
    }

    /** The driver's wall clock now (also after {@link #close}: a driver opened on the same state goes on from it). */
    Instant wallClock() {
        return wallClock;
    }

    /** The alert records written so far (the history topic: every state change), in order; each call reads on. */
    List<KpiAlert> alerts() {
        return driver.createOutputTopic(TOPICS.alertHistory().name(), TOPICS.alertHistory().keySerde().deserializer(),
            TOPICS.alertHistory().valueSerde().deserializer()).readValuesToList();
    }

    /** The verdicts and corrections written so far, in order; each call reads on. */
    List<PeriodVerdict> verdicts() {
        return driver.createOutputTopic(TOPICS.verdicts().name(), TOPICS.verdicts().keySerde().deserializer(),
            TOPICS.verdicts().valueSerde().deserializer()).readValuesToList();
    }

    /** The verdict records written so far with their keys, in order; each call reads on. */
    List<KeyValue<String, PeriodVerdict>> verdictRecords() {
        return driver.createOutputTopic(TOPICS.verdicts().name(), TOPICS.verdicts().keySerde().deserializer(),
            TOPICS.verdicts().valueSerde().deserializer()).readKeyValuesToList();
    }

    /** A verdict store ({@link StoreCatalog#VERDICTS_STORE} or the subtree's) by key. */
    Map<String, VerdictState> verdictStates(final String storeName) {
        final KeyValueStore<String, VerdictState> store = driver.getKeyValueStore(storeName);
        final Map<String, VerdictState> states = new HashMap<>();
        try (KeyValueIterator<String, VerdictState> all = store.all()) {
            all.forEachRemaining(entry -> states.put(entry.key, entry.value));
        }
        return states;
    }

    /** The open counts the units reported to their top units, {@code ["top","period","unit"]} → count. */
    Map<String, OpenCount> subtreeOpenCounts() {
        final KeyValueStore<String, OpenCount> store = driver.getKeyValueStore(StoreCatalog.SUBTREE_VERDICT_OPEN_STORE);
        final Map<String, OpenCount> counts = new HashMap<>();
        try (KeyValueIterator<String, OpenCount> all = store.all()) {
            all.forEachRemaining(entry -> counts.put(entry.key, entry.value));
        }
        return counts;
    }

    /** The case warnings written so far, in order; each call reads on. */
    List<CaseWarning> caseWarnings() {
        return driver.createOutputTopic(TOPICS.caseWarnings().name(), TOPICS.caseWarnings().keySerde().deserializer(),
            TOPICS.caseWarnings().valueSerde().deserializer()).readValuesToList();
    }

    /** The KPI rows topic read to its end, latest value per key. */
    Map<String, KpiRowStatus> kpiRowsTopic() {
        final TestOutputTopic<String, KpiRowStatus> topic = driver.createOutputTopic(TOPICS.kpiRows().name(),
            TOPICS.kpiRows().keySerde().deserializer(), TOPICS.kpiRows().valueSerde().deserializer());
        final Map<String, KpiRowStatus> latest = new HashMap<>();
        for (final KeyValue<String, KpiRowStatus> record : topic.readKeyValuesToList()) {
            latest.put(record.key, record.value);
        }
        return latest;
    }

    /** Closes the driver; once closed (by {@link #restarted} too), closing again does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            driver.close();
        }
    }
}
