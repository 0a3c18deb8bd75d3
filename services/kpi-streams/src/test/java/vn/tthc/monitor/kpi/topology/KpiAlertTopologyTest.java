package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;

/** The alert lifecycle of KPI rows: raised on entering breach, updated while in it, resolved on leaving, guarded by minVolume. */
class KpiAlertTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant MORNING = Instant.parse("2026-11-16T01:00:00Z");
    private static final Targets MIN_VOLUME_ONE = TargetsFile.parse("defaults: {minVolume: 1}");

    private PipelineDriver pipeline;

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aLateCaseRaisesAnOnTimeAlertNamingIt() {
        pipeline = new PipelineDriver(MIN_VOLUME_ONE, WALL_CLOCK);
        resolveCase("C1", true);
        final KpiAlert alert = onTimeAlert(pipeline.alerts(), "*", "2026-11");
        assertThat(alert.state()).isEqualTo(AlertState.RAISED);
        assertThat(alert.value()).isEqualTo(0.0);
        assertThat(alert.target()).isEqualTo(0.98);
        assertThat(alert.volume()).isEqualTo(1);
        assertThat(alert.headroom()).isEqualTo(-1);
        assertThat(alert.drivingIds()).containsExactly("C1");
        assertThat(alert.stale()).isFalse();
    }

    @Test
    void anotherLateCaseUpdatesTheOpenAlertNewestFirst() {
        pipeline = new PipelineDriver(MIN_VOLUME_ONE, WALL_CLOCK);
        resolveCase("C1", true);
        pipeline.alerts();
        resolveCase("C2", true);
        pipeline.updateAlerts();
        final KpiAlert alert = onTimeAlert(pipeline.alerts(), "*", "2026-11");
        assertThat(alert.state()).isEqualTo(AlertState.UPDATED);
        assertThat(alert.volume()).isEqualTo(2);
        assertThat(alert.drivingIds()).containsExactly("C2", "C1");
    }

    @Test
    void manyChangesWhileInBreachAreWrittenAsOneUpdatePerInterval() {
        pipeline = new PipelineDriver(MIN_VOLUME_ONE, WALL_CLOCK);
        resolveCase("C1", true);
        pipeline.updateAlerts();
        pipeline.alerts();
        for (int i = 2; i <= 10; i++) {
            resolveCase("C" + i, true);
        }
        assertThat(pipeline.alerts()).as("no update before the interval").isEmpty();
        pipeline.emitKpiRows();
        assertThat(pipeline.alerts()).as("the rows are written every emit interval, an update waits for its own").isEmpty();
        pipeline.advanceWallClock(PipelineDriver.ALERT_UPDATE_INTERVAL.minus(PipelineDriver.EMIT_INTERVAL));
        final List<KpiAlert> monthAlerts = pipeline.alerts().stream()
            .filter(a -> a.kpi().equals("onTimeRate") && a.fieldId().equals("*") && a.period().equals("2026-11")).toList();
        assertThat(monthAlerts).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertState.UPDATED);
            assertThat(alert.volume()).isEqualTo(10);
            assertThat(alert.drivingIds()).hasSize(10).startsWith("C10");
        });
    }

    @Test
    void enoughOnTimeCasesResolveTheAlert() {
        pipeline = new PipelineDriver(TargetsFile.parse("defaults: {minVolume: 1, onTimeRate: 0.5}"), WALL_CLOCK);
        resolveCase("C1", true);
        assertThat(onTimeAlert(pipeline.alerts(), "*", "2026-11").state()).isEqualTo(AlertState.RAISED);
        resolveCase("C2", false);
        final KpiAlert alert = onTimeAlert(pipeline.alerts(), "*", "2026-11");
        assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(alert.value()).isEqualTo(0.5);
        assertThat(alert.headroom()).isZero();
    }

    @Test
    void noAlertBelowMinVolumeAndARaiseWhenTheVolumeReachesIt() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        for (int i = 1; i < 20; i++) {
            resolveCase("C" + i, true);
        }
        assertThat(pipeline.alerts()).noneMatch(alert -> alert.kpi().equals("onTimeRate"));
        resolveCase("C20", true);
        final KpiAlert alert = onTimeAlert(pipeline.alerts(), "*", "2026-11");
        assertThat(alert.state()).isEqualTo(AlertState.RAISED);
        assertThat(alert.volume()).isEqualTo(20);
        assertThat(alert.minVolume()).isEqualTo(20);
    }

    @Test
    void anAlertOfAnEndedPeriodIsStale() {
        pipeline = new PipelineDriver(MIN_VOLUME_ONE, WALL_CLOCK);
        pipeline.send(new CaseReceived("r-old", Instant.parse("2026-03-02T01:00:00Z"), null, "OLD", "U1", "HO_TICH", "1.1",
            Channel.ONLINE, true, Instant.parse("2026-03-03T10:00:00Z")));
        pipeline.send(new CaseResolved("s-old", Instant.parse("2026-03-05T01:00:00Z"), null, "OLD", CaseResult.APPROVED));
        final KpiAlert alert = onTimeAlert(pipeline.alerts(), "*", "2026-03");
        assertThat(alert.state()).isEqualTo(AlertState.RAISED);
        assertThat(alert.stale()).isTrue();
    }

    @Test
    void aLateEventThatMakesTheCaseOnTimeTakesItOutOfTheAlert() {
        pipeline = new PipelineDriver(MIN_VOLUME_ONE, WALL_CLOCK);
        // the resolution arrives first: judged against the due time of the reception that arrives later
        pipeline.send(new CaseResolved("s1", MORNING.plusSeconds(7200), null, "C1", CaseResult.APPROVED));
        pipeline.send(new CaseReceived("r1", MORNING, null, "C1", "U1", "HO_TICH", "1.1", Channel.ONLINE, true,
            MORNING.plusSeconds(3600)));
        assertThat(onTimeAlert(pipeline.alerts(), "*", "2026-11").drivingIds()).containsExactly("C1");
        // a second reception, earlier, with a later due time: it is the first reception, so it counts, and C1 is on time
        pipeline.send(new CaseReceived("r0", MORNING.minusSeconds(60), null, "C1", "U1", "HO_TICH", "1.1", Channel.ONLINE,
            true, MORNING.plusSeconds(86_400)));
        final KpiAlert alert = onTimeAlert(pipeline.alerts(), "*", "2026-11");
        assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(alert.drivingIds()).isEmpty();
    }

    private void resolveCase(final String caseId, final boolean late) {
        final Instant due = MORNING.plusSeconds(3600);
        pipeline.send(new CaseReceived(caseId + "-r", MORNING, null, caseId, "U1", "HO_TICH", "1.1", Channel.ONLINE, true, due));
        pipeline.send(new CaseResolved(caseId + "-s", late ? due.plusSeconds(60) : due.minusSeconds(60), null, caseId,
            CaseResult.APPROVED));
    }

    private static KpiAlert onTimeAlert(final List<KpiAlert> alerts, final String field, final String period) {
        return alerts.stream()
            .filter(a -> a.kpi().equals("onTimeRate") && a.fieldId().equals(field) && a.period().equals(period))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("no onTimeRate alert for " + field + " " + period + " in " + alerts));
    }
}
