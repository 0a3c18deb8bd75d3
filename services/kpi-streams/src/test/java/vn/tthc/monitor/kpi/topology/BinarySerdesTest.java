package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIdsSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseUpdateSerde;
import vn.tthc.monitor.kpi.topology.history.HistorySerde;
import vn.tthc.monitor.kpi.topology.opencases.OpenCaseSerde;
import vn.tthc.monitor.kpi.topology.rows.KpiChangeSerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;
import vn.tthc.monitor.kpi.topology.serde.BinaryAfterJsonSerde;
import vn.tthc.monitor.kpi.topology.serde.EventSerde;

/**
 * Each type's binary serde keeps {@code null} and refuses a version it does not know, naming its type; a serde of a
 * type kept as JSON before cannot take the version byte that starts JSON ('{'); that each reads back what it writes
 * (and the JSON before) is {@link StateCompatibilityTest}'s.
 */
class BinarySerdesTest {

    @Test
    void nullStaysNull() {
        assertThat(new EventSerde().serializer().serialize("t", null)).isNull();
        assertThat(new EventSerde().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void eachTypeRefusesBytesOfAVersionItDoesNotKnow() {
        assertRefusesVersion9(new EventSerde(), StateSamples.events(), "of event");
        assertRefusesVersion9(HistorySerde.caseHistories(), StateSamples.caseHistories(), "of case history");
        assertRefusesVersion9(HistorySerde.feedbackHistories(), StateSamples.feedbackHistories(), "of feedback history");
        assertRefusesVersion9(new KpiCountersSerde(), StateSamples.kpiCounters(), "of KPI counters");
        assertRefusesVersion9(new KpiChangeSerde(), StateSamples.kpiChanges(), "of KPI change");
        assertRefusesVersion9(new OpenCaseSerde(), StateSamples.openCases(), "of open case");
        assertRefusesVersion9(new DrivingIdsSerde(), StateSamples.drivingIds(), "of driving ids");
        assertRefusesVersion9(new ForecastCaseSerde(), StateSamples.forecastCases(), "of forecast case");
        assertRefusesVersion9(new ForecastCaseUpdateSerde(), StateSamples.forecastCaseUpdates(), "of forecast case update");
    }

    @Test
    void aSerdeAfterJsonReadsNullAndRefusesTheVersionByteThatStartsJson() {
        assertThat(new ForecastCaseSerde().deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() -> new BinaryAfterJsonSerde<>("forecast case", (byte) '{', ForecastCase.class) {
            @Override
            protected void write(final DataOutputStream out, final ForecastCase value) {
            }

            @Override
            protected ForecastCase read(final DataInputStream in) {
                return null;
            }
        }).hasMessage("the binary format version of forecast case cannot be 0x7B, which starts the JSON written before");
    }

    private static <T> void assertRefusesVersion9(final Serde<T> serde, final Map<String, T> samples, final String type) {
        final byte[] bytes = serde.serializer().serialize("t", samples.values().iterator().next());
        assertThat(bytes[0]).as("the version written").isEqualTo((byte) 1);
        bytes[0] = 9;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
            .hasMessage("unknown binary format version 9 " + type);
    }
}
