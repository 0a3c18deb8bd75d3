package vn.tthc.monitor.kpi.topology;

import vn.tthc.monitor.testing.TestDirectories;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/** The production pipeline in a {@link TopologyTestDriver}, with typed access to its topics and stores. */
final class PipelineDriver implements AutoCloseable {

    static final TopicCatalog TOPICS = TopicCatalog.named("events", "events-rejected", "kpi-rows");
    static final Duration EMIT_INTERVAL = Duration.ofMillis(100);

    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> events;
    private final Targets targets;

    PipelineDriver(final Targets targets) {
        this.targets = targets;
        final StreamsBuilder builder = new StreamsBuilder();
        new KpiPipeline(TOPICS, targets, EMIT_INTERVAL).addTo(builder);
        final Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.STATE_DIR_CONFIG, TestDirectories.fresh("pipeline-driver").toString());
        driver = new TopologyTestDriver(builder.build(config), config);
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

    void sendAll(final List<String> lines) {
        lines.forEach(this::send);
    }

    Map<KpiRowKey, KpiCounters> rows() {
        final KeyValueStore<String, KpiCounters> store = driver.getKeyValueStore(UnitKpiTopology.KPI_ROWS_STORE);
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        try (KeyValueIterator<String, KpiCounters> all = store.all()) {
            all.forEachRemaining(row -> rows.put(KpiRowKeyFormat.parse(row.key), row.value));
        }
        return rows;
    }

    long rejectedCount() {
        final KeyValueStore<String, Long> store = driver.getKeyValueStore(EventIntakeTopology.REJECTED_COUNTS_STORE);
        long total = 0;
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                total += all.next().value;
            }
        }
        return total;
    }

    KpiReport report() {
        return KpiReport.of(rows(), targets, rejectedCount());
    }

    List<TestRecord<byte[], byte[]>> rejectedRecords() {
        return driver.createOutputTopic(TOPICS.rejected().name(),
            TOPICS.rejected().keySerde().deserializer(), TOPICS.rejected().valueSerde().deserializer()).readRecordsToList();
    }

    /** Lets the wall clock run past the next emission of changed KPI rows. */
    void emitKpiRows() {
        driver.advanceWallClockTime(EMIT_INTERVAL);
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

    @Override
    public void close() {
        driver.close();
    }
}
