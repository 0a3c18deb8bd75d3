package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIdsSerde;
import vn.tthc.monitor.kpi.topology.history.HistorySerde;
import vn.tthc.monitor.kpi.topology.opencases.OpenCaseSerde;
import vn.tthc.monitor.kpi.topology.rows.KpiChangeSerde;
import vn.tthc.monitor.kpi.topology.rows.KpiCountersSerde;
import vn.tthc.monitor.kpi.topology.serde.EventSerde;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * The state written before stays readable: every value of src/test/resources/state-fixtures (the
 * bytes an earlier version wrote to its stores and repartition topics, see the README there) is
 * read by today's serdes into the value it was written from, field by field, and written again to
 * the same bytes while the type's format is unchanged.
 */
class StateCompatibilityTest {

    /** Every stored type: its fixture file, today's serde, the values its fixtures were written from. */
    static Stream<Arguments> storedTypes() {
        return Stream.of(
            Arguments.of("event", new EventSerde(), StateSamples.events()),
            Arguments.of("case-history", HistorySerde.caseHistories(), StateSamples.caseHistories()),
            Arguments.of("feedback-history", HistorySerde.feedbackHistories(), StateSamples.feedbackHistories()),
            Arguments.of("kpi-counters", new KpiCountersSerde(), StateSamples.kpiCounters()),
            Arguments.of("kpi-change", new KpiChangeSerde(), StateSamples.kpiChanges()),
            Arguments.of("open-case", new OpenCaseSerde(), StateSamples.openCases()),
            Arguments.of("driving-ids", new DrivingIdsSerde(), StateSamples.drivingIds()),
            Arguments.of("kpi-alert", JacksonSerde.json(KpiAlert.class), StateSamples.kpiAlerts()),
            Arguments.of("long", Serdes.Long(), StateSamples.longs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedTypes")
    <T> void theValuesWrittenBeforeAreReadAndWrittenAsBefore(final String type, final Serde<T> serde,
                                                              final Map<String, T> samples) {
        final Map<String, byte[]> fixtures = fixtures(type);
        assertThat(fixtures.keySet()).as("the samples of %s with a fixture", type).isEqualTo(samples.keySet());
        fixtures.forEach((name, bytes) -> {
            final T read = serde.deserializer().deserialize("fixture", bytes);
            assertThat(read).as("%s %s, read", type, name)
                .usingRecursiveComparison().withStrictTypeChecking().isEqualTo(samples.get(name));
            assertThat(serde.serializer().serialize("fixture", read)).as("%s %s, written again", type, name).isEqualTo(bytes);
        });
    }

    /** The fixtures of one type by sample name: a line {@code name hex} each. */
    private static Map<String, byte[]> fixtures(final String type) {
        try (InputStream in = StateCompatibilityTest.class.getResourceAsStream("/state-fixtures/" + type + ".hex")) {
            assertThat(in).as("fixture file of %s", type).isNotNull();
            final Map<String, byte[]> fixtures = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).forEach(line -> {
                final String[] parts = line.split(" ", 2);
                fixtures.put(parts[0], HexFormat.of().parseHex(parts[1]));
            });
            return fixtures;
        } catch (final IOException e) {
            throw new IllegalStateException("cannot read the fixtures of " + type, e);
        }
    }
}
