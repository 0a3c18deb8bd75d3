package vn.tthc.monitor.contract.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.KpiAlertLifecycle.Observation;
import vn.tthc.monitor.contract.alert.KpiAlertLifecycle.OnChange;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;

/**
 * The alert on one KPI of one row: RAISED on entering breach, RESOLVED on leaving it, UPDATED while in
 * breach only when what it says changed; stale once its period has ended (Vietnam time).
 */
class KpiAlertLifecycleTest {

    /** 2026-11-20 10:00 in Vietnam. */
    static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    /** November 2026 ends at 1 December 00:00 in Vietnam. */
    private static final Instant NOVEMBER_ENDS = Instant.parse("2026-11-30T17:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-11-20T02:59:00Z");
    static final KpiRowKey ROW = new KpiRowKey("UBND-P-BAN-CO", KpiRowKey.ALL_FIELDS, "2026-11");
    private static final BigDecimal TARGET = new BigDecimal("0.98");
    private static final int MIN_VOLUME = 20;

    /** {@code onTime} cases resolved on time and {@code late} late. */
    static KpiCounters resolutions(final int onTime, final int late) {
        return new KpiCounters(0, 0, 0, 0, onTime + late, 0, onTime, late, 0, 0, 0, 0, 0, 0);
    }

    /** The on-time KPI of {@link #ROW} (target 98 %, minVolume 20) after those resolutions. */
    static Observation observed(final int onTime, final int late, final List<String> drivingIds) {
        return new Observation(ROW, KpiStatus.of(Kpi.ON_TIME_RATE, resolutions(onTime, late), TARGET, MIN_VOLUME),
            drivingIds, EVENT_TIME);
    }

    private static final Observation IN_BREACH = observed(45, 5, List.of("HS-5", "HS-4", "HS-3", "HS-2", "HS-1"));
    private static final Observation MET = observed(100, 1, List.of("HS-1"));

    private static KpiAlert raised() {
        return KpiAlertLifecycle.next(null, IN_BREACH, NOW).orElseThrow();
    }

    @Test
    void aKpiEnteringBreachWithNoAlertOpenIsRaisedNowWithTheRowsFigures() {
        final KpiAlert alert = raised();

        assertThat(alert.state()).isEqualTo(AlertState.RAISED);
        assertThat(alert.key()).containsExactly("UBND-P-BAN-CO", "*", "2026-11", "onTimeRate");
        assertThat(alert.value()).isEqualTo(0.9);
        assertThat(alert.target()).isEqualTo(0.98);
        assertThat(alert.volume()).isEqualTo(50);
        assertThat(alert.minVolume()).isEqualTo(MIN_VOLUME);
        assertThat(alert.headroom()).isEqualTo(-4L);
        assertThat(alert.drivingIds()).containsExactly("HS-5", "HS-4", "HS-3", "HS-2", "HS-1");
        assertThat(alert.raisedAt()).isEqualTo(NOW);
        assertThat(alert.triggeredAt()).isEqualTo(EVENT_TIME);
        assertThat(alert.stale()).isFalse();
    }

    @Test
    void aKpiNotInBreachWithNoAlertOpenGivesNoAlert() {
        assertThat(KpiAlertLifecycle.next(null, MET, NOW)).isEmpty();
    }

    @Test
    void aKpiBelowTargetButBelowMinVolumeGivesNoAlert() {
        assertThat(KpiAlertLifecycle.next(null, observed(15, 4, List.of()), NOW)).isEmpty();
    }

    @Test
    void aKpiLeavingBreachResolvesTheOpenAlertAndKeepsWhenItWasRaised() {
        final KpiAlert resolved = KpiAlertLifecycle.next(raised(), MET, NOW.plusSeconds(3600)).orElseThrow();

        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.raisedAt()).isEqualTo(NOW);
        assertThat(resolved.value()).isEqualTo(100.0 / 101);
        assertThat(resolved.drivingIds()).containsExactly("HS-1");
    }

    @Test
    void aKpiStillInBreachWhoseValueChangedIsUpdatedAndKeepsWhenItWasRaised() {
        final Observation worse = observed(45, 6, IN_BREACH.drivingIds());

        final KpiAlert updated = KpiAlertLifecycle.next(raised(), worse, NOW.plusSeconds(60)).orElseThrow();

        assertThat(updated.state()).isEqualTo(AlertState.UPDATED);
        assertThat(updated.volume()).isEqualTo(51);
        assertThat(updated.raisedAt()).isEqualTo(NOW);
    }

    @Test
    void aKpiStillInBreachWhoseDrivingCasesAloneChangedIsUpdated() {
        final Observation otherCases = observed(45, 5, List.of("HS-6", "HS-4", "HS-3", "HS-2", "HS-1"));

        assertThat(KpiAlertLifecycle.next(raised(), otherCases, NOW)).get()
            .extracting(KpiAlert::state).isEqualTo(AlertState.UPDATED);
    }

    @Test
    void aKpiStillInBreachWhoseTargetAloneChangedIsUpdated() {
        final Observation strict = new Observation(ROW, KpiStatus.of(Kpi.ON_TIME_RATE, resolutions(45, 5),
            BigDecimal.ONE, MIN_VOLUME), IN_BREACH.drivingIds(), EVENT_TIME);

        assertThat(KpiAlertLifecycle.next(raised(), strict, NOW)).get()
            .extracting(KpiAlert::target).isEqualTo(1.0);
    }

    @Test
    void aKpiStillInBreachWithTheSameFiguresGivesNoAlert() {
        final Observation later = new Observation(ROW, IN_BREACH.status(), IN_BREACH.drivingIds(),
            EVENT_TIME.plusSeconds(30));

        assertThat(KpiAlertLifecycle.next(raised(), later, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void aResolvedAlertCountsAsNoneOpenSoTheNextBreachIsANewRaise() {
        final KpiAlert resolved = KpiAlertLifecycle.next(raised(), MET, NOW).orElseThrow();

        final KpiAlert again = KpiAlertLifecycle.next(resolved, IN_BREACH, NOW.plusSeconds(7200)).orElseThrow();

        assertThat(again.state()).isEqualTo(AlertState.RAISED);
        assertThat(again.raisedAt()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(KpiAlertLifecycle.next(resolved, MET, NOW)).isEmpty();
    }

    @Test
    void anAlertWrittenAtTheEndOfItsPeriodIsStaleAndASecondBeforeItIsNot() {
        assertThat(KpiAlertLifecycle.next(null, IN_BREACH, NOVEMBER_ENDS.minusSeconds(1)).orElseThrow().stale())
            .isFalse();
        assertThat(KpiAlertLifecycle.next(null, IN_BREACH, NOVEMBER_ENDS).orElseThrow().stale()).isTrue();
        assertThat(KpiAlertLifecycle.next(raised(), MET, NOVEMBER_ENDS).orElseThrow().stale()).isTrue();
    }

    @Test
    void anAlertIsStaleWhenMarkedSoOrWhenItsPeriodHasEndedByNow() {
        final KpiAlert fresh = raised();
        final KpiAlert marked = KpiAlertLifecycle.next(null, IN_BREACH, NOVEMBER_ENDS).orElseThrow();

        assertThat(KpiAlertLifecycle.isStale(fresh, NOW)).isFalse();
        assertThat(KpiAlertLifecycle.isStale(fresh, NOVEMBER_ENDS.minusSeconds(1))).isFalse();
        assertThat(KpiAlertLifecycle.isStale(fresh, NOVEMBER_ENDS)).isTrue();
        assertThat(KpiAlertLifecycle.isStale(marked, NOW)).as("the flag holds whatever the clock says").isTrue();
    }

    @Test
    void aYearAlertIsNotStaleWhileTheYearLasts() {
        final KpiAlert year = KpiAlertLifecycle.next(null, new Observation(new KpiRowKey("U", "*", "2026"),
            IN_BREACH.status(), List.of(), EVENT_TIME), NOVEMBER_ENDS).orElseThrow();

        assertThat(year.stale()).isFalse();
        assertThat(KpiAlertLifecycle.isStale(year, Instant.parse("2026-12-31T16:59:59Z"))).isFalse();
        assertThat(KpiAlertLifecycle.isStale(year, Instant.parse("2026-12-31T17:00:00Z"))).isTrue();
    }

    @Test
    void aChangeEnteringOrLeavingBreachIsWrittenAtOnce() {
        assertThat(KpiAlertLifecycle.onChange(null, true)).isEqualTo(OnChange.WRITE_NOW);
        assertThat(KpiAlertLifecycle.onChange(raised(), false)).isEqualTo(OnChange.WRITE_NOW);
    }

    @Test
    void aChangeWhileInBreachWaitsForTheNextUpdate() {
        assertThat(KpiAlertLifecycle.onChange(raised(), true)).isEqualTo(OnChange.AT_NEXT_UPDATE);
    }

    @Test
    void aChangeOutOfBreachWithNoAlertOpenIsNothing() {
        assertThat(KpiAlertLifecycle.onChange(null, false)).isEqualTo(OnChange.NOTHING);
        final KpiAlert resolved = KpiAlertLifecycle.next(raised(), MET, NOW).orElseThrow();
        assertThat(KpiAlertLifecycle.onChange(resolved, false)).isEqualTo(OnChange.NOTHING);
        assertThat(KpiAlertLifecycle.onChange(resolved, true)).isEqualTo(OnChange.WRITE_NOW);
    }
}
