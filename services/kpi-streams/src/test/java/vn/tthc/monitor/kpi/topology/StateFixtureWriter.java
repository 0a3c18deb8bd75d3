package vn.tthc.monitor.kpi.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.tthc.monitor.contract.alert.KpiAlert;

/**
 * Writes src/test/resources/state-fixtures: {@link StateSamples} serialized by the serdes of the
 * pipeline's stores and repartition topics, one file per type, a line {@code name hex} per sample.
 * Run once, on demand: {@code -Dtest=StateFixtureWriter -Dtthc.writeStateFixtures=true}.
 */
@EnabledIfSystemProperty(named = "tthc.writeStateFixtures", matches = "true")
class StateFixtureWriter {

    private static final Path DIRECTORY = Path.of("src/test/resources/state-fixtures");

    @Test
    void writeEveryStoredType() throws IOException {
        write("event", TopicCatalog.EVENT, StateSamples.events());
        write("case-history", TopicCatalog.CASE_HISTORY, StateSamples.caseHistories());
        write("feedback-history", TopicCatalog.FEEDBACK_HISTORY, StateSamples.feedbackHistories());
        write("kpi-counters", TopicCatalog.KPI_COUNTERS, StateSamples.kpiCounters());
        write("kpi-change", TopicCatalog.KPI_CHANGE, StateSamples.kpiChanges());
        write("open-case", TopicCatalog.OPEN_CASE, StateSamples.openCases());
        write("driving-ids", TopicCatalog.DRIVING_IDS, StateSamples.drivingIds());
        write("kpi-alert", JacksonSerde.json(KpiAlert.class), StateSamples.kpiAlerts());
        write("long", Serdes.Long(), StateSamples.longs());
    }

    private static <T> void write(final String type, final Serde<T> serde, final Map<String, T> samples) throws IOException {
        Files.createDirectories(DIRECTORY);
        final String lines = new TreeMap<>(samples).entrySet().stream()
            .map(sample -> sample.getKey() + " " + HexFormat.of().formatHex(serde.serializer().serialize("fixture", sample.getValue())))
            .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(DIRECTORY.resolve(type + ".hex"), lines, StandardCharsets.UTF_8);
    }
}
