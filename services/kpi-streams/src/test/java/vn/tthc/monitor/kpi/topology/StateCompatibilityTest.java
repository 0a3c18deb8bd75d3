package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIdsSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseUpdate;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseUpdateSerde;
import vn.tthc.monitor.kpi.topology.history.HistorySerde;
import vn.tthc.monitor.kpi.topology.opencases.OpenCaseSerde;
import vn.tthc.monitor.kpi.topology.rows.KpiChangeSerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;
import vn.tthc.monitor.kpi.topology.serde.EventSerde;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * The state written before stays readable: every value of src/test/resources/state-fixtures (the
 * bytes an earlier version wrote to its stores and repartition topics, see the README there) is
 * read by today's serdes into the value it was written from, field by field, and written again to
 * the same bytes while the type's format is unchanged. A JSON type that gained optional fields (the
 * alerts' v2 figures) is written again to the same JSON plus those fields. A type kept as JSON before and binary now
 * (the forecast's open cases and their changes) has both fixtures: its JSON, read into the same values, is written again
 * as the bytes of its binary fixture.
 */
class StateCompatibilityTest {

    private static final Set<String> NO_FIELD = Set.of();
    private static final Set<String> ALERT_V2_FIELDS = Set.of("scope", "kind", "allowance", "toRecover", "recoverable",
        "forecast", "drivingChildren", "drivingCases");

    /** Every stored type: its fixture file, today's serde, the values its fixtures were written from. */
    static Stream<Arguments> storedTypes() {
        return Stream.of(
            Arguments.of("event", new EventSerde(), StateSamples.events(), NO_FIELD),
            Arguments.of("case-history", HistorySerde.caseHistories(), StateSamples.caseHistories(), NO_FIELD),
            Arguments.of("feedback-history", HistorySerde.feedbackHistories(), StateSamples.feedbackHistories(), NO_FIELD),
            Arguments.of("kpi-counters", new KpiCountersSerde(), StateSamples.kpiCounters(), NO_FIELD),
            Arguments.of("kpi-change", new KpiChangeSerde(), StateSamples.kpiChanges(), NO_FIELD),
            Arguments.of("open-case", new OpenCaseSerde(), StateSamples.openCases(), NO_FIELD),
            Arguments.of("driving-ids", new DrivingIdsSerde(), StateSamples.drivingIds(), NO_FIELD),
            Arguments.of("forecast-case", new ForecastCaseSerde(), StateSamples.forecastCases(), NO_FIELD),
            Arguments.of("forecast-case-update", new ForecastCaseUpdateSerde(), StateSamples.forecastCaseUpdates(), NO_FIELD),
            Arguments.of("kpi-alert", JacksonSerde.json(KpiAlert.class), StateSamples.kpiAlerts(), ALERT_V2_FIELDS),
            Arguments.of("long", Serdes.Long(), StateSamples.longs(), NO_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedTypes")
    <T> void theValuesWrittenBeforeAreReadAndWrittenAsBefore(final String type, final Serde<T> serde,
                                                              final Map<String, T> samples,
                                                              final Set<String> addedJsonFields) {
        final Map<String, byte[]> fixtures = fixtures(type);
        assertThat(fixtures.keySet()).as("the samples of %s with a fixture", type).isEqualTo(samples.keySet());
        fixtures.forEach((name, bytes) -> {
            final T read = serde.deserializer().deserialize("fixture", bytes);
            assertThat(read).as("%s %s, read", type, name)
                .usingRecursiveComparison().withStrictTypeChecking().isEqualTo(samples.get(name));
            final byte[] written = serde.serializer().serialize("fixture", read);
            if (addedJsonFields.isEmpty()) {
                assertThat(written).as("%s %s, written again", type, name).isEqualTo(bytes);
            } else {
                final ObjectNode again = (ObjectNode) json(written);
                again.remove(addedJsonFields);
                assertThat(again).as("%s %s, written again less the added fields", type, name).isEqualTo(json(bytes));
            }
        });
    }

    /** Every type kept as JSON ({@link JacksonSerde}) before and binary now: its fixture files, JSON type, today's serde. */
    static Stream<Arguments> typesOnceJson() {
        return Stream.of(
            Arguments.of("forecast-case", ForecastCase.class, new ForecastCaseSerde(), StateSamples.forecastCases()),
            Arguments.of("forecast-case-update", ForecastCaseUpdate.class, new ForecastCaseUpdateSerde(),
                StateSamples.forecastCaseUpdates()));
    }

    /**
     * The JSON fixture is what the serde before wrote ({@link JacksonSerde}, unchanged, writes the samples to it still);
     * today's serde reads it into the sample and writes it again in binary: the bytes of the type's binary fixture.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("typesOnceJson")
    <T> void theJsonWrittenBeforeIsReadAndWrittenAgainInBinary(final String type, final Class<T> jsonType,
                                                                final Serde<T> serde, final Map<String, T> samples) {
        final Map<String, byte[]> jsonFixtures = fixtures(type + "-json");
        final Map<String, byte[]> binaryFixtures = fixtures(type);
        assertThat(jsonFixtures.keySet()).as("the samples of %s with a JSON fixture", type).isEqualTo(samples.keySet());
        jsonFixtures.forEach((name, bytes) -> {
            assertThat(JacksonSerde.json(jsonType).serializer().serialize("fixture", samples.get(name)))
                .as("%s %s, as the JSON serde writes it", type, name).isEqualTo(bytes);
            final T read = serde.deserializer().deserialize("fixture", bytes);
            assertThat(read).as("%s %s, read from JSON", type, name)
                .usingRecursiveComparison().withStrictTypeChecking().isEqualTo(samples.get(name));
            assertThat(serde.serializer().serialize("fixture", read)).as("%s %s, written again in binary", type, name)
                .isEqualTo(binaryFixtures.get(name));
        });
    }

    private static JsonNode json(final byte[] bytes) {
        try {
            return ContractJson.mapper().readTree(bytes);
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
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
