package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIds;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIdsSerde;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.kpi.topology.serde.ValueSize;

/** A value past {@link ValueSize#MAX_BYTES} is refused at serialization, binary or JSON, which the handlers dead-letter. */
class ValueSizeTest {

    @Test
    void aBinaryValuePastTheLimitIsRefusedAndOneBelowItIsWritten() {
        final String id = "x".repeat(1000);

        assertThat(new DrivingIdsSerde().serializer().serialize("t", new DrivingIds(Collections.nCopies(500, id)))).isNotNull();
        assertThatThrownBy(() -> new DrivingIdsSerde().serializer().serialize("drivers-changelog",
            new DrivingIds(Collections.nCopies(600, id))))
            .isInstanceOf(SerializationException.class)
            .hasMessage("a value of 601,203 bytes for drivers-changelog is larger than the 524,288 bytes a value may have");
    }

    @Test
    void aJsonValuePastTheLimitIsRefused() {
        final KpiAlert alert = new KpiAlert("U".repeat(600_000), "F", "2026-03", "onTimeRate", AlertState.RAISED, false, 0.5, 0.8,
            10, 5, 1L, List.of(), Instant.EPOCH, Instant.EPOCH);

        assertThatThrownBy(() -> JacksonSerde.json(KpiAlert.class).serializer().serialize("alerts", alert))
            .isInstanceOf(SerializationException.class);
    }
}
