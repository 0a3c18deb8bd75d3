package vn.tthc.monitor.kpi.topology.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/** An AT_RISK alert's raise and resolution are written at once, its updates at most once per interval and row. */
class AtRiskUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final KpiRowKey ROW = new KpiRowKey("U1", "*", "2026-11");
    private static final KpiRowKey OTHER_ROW = new KpiRowKey("U2", "*", "2026-11");

    private final AtRiskUpdates updates = new AtRiskUpdates(Duration.ofSeconds(10));

    @Test
    void anUpdateWaitsForTheIntervalSinceTheRowsLastWrite() {
        assertThat(updates.writesNow(ROW, alert(AlertState.RAISED), NOW)).isTrue();
        assertThat(updates.writesNow(ROW, alert(AlertState.UPDATED), NOW.plusSeconds(1))).isFalse();
        assertThat(updates.writesNow(OTHER_ROW, alert(AlertState.UPDATED), NOW.plusSeconds(1))).as("another row").isTrue();
        assertThat(updates.writesNow(ROW, alert(AlertState.UPDATED), NOW.plusSeconds(9))).isFalse();
        assertThat(updates.writesNow(ROW, alert(AlertState.UPDATED), NOW.plusSeconds(10))).isTrue();
        assertThat(updates.writesNow(ROW, alert(AlertState.UPDATED), NOW.plusSeconds(15))).as("counted from the last write").isFalse();
    }

    @Test
    void aResolutionIsWrittenAtOnceAndARaiseAfterItToo() {
        assertThat(updates.writesNow(ROW, alert(AlertState.RAISED), NOW)).isTrue();
        assertThat(updates.writesNow(ROW, alert(AlertState.RESOLVED), NOW.plusSeconds(1))).isTrue();
        assertThat(updates.writesNow(ROW, alert(AlertState.RAISED), NOW.plusSeconds(2))).isTrue();
    }

    private static KpiAlert alert(final AlertState state) {
        return new KpiAlert("U1", "*", "2026-11", "onTimeRate", state, false, 0.99, 0.98, 100, 20, 1L, List.of(), NOW, NOW,
            null, AlertKind.AT_RISK, null, null, null, 0.9, List.of(), List.of());
    }
}
