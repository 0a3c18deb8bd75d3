package vn.tthc.monitor.contract.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestCounters.resolutions;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;

/** Issue 14 point 4: the forecast alert (AT_RISK) is raised once, updated, and resolved on recovery or at the period's end. */
class ForecastAlertLifecycleTest {

    private static final BigDecimal TARGET = new BigDecimal("0.98");
    private static final KpiRowKey ROW = new KpiRowKey("U1", "*", "2026-03");
    private static final Instant NOW = vn("2026-03-20T10:00");
    private static final Instant OVERDUE_SINCE = vn("2026-03-19T17:00");

    private static List<ForecastCase> overdue(final int count) {
        final List<ForecastCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new ForecastCase("o" + i, OVERDUE_SINCE, false, null));
        }
        return cases;
    }

    private static Optional<KpiAlert> next(final KpiAlert previous, final KpiCounters counters,
                                           final List<ForecastCase> open, final Instant now) {
        final KpiStatus status = KpiStatus.of(Kpi.ON_TIME_RATE, counters, TARGET, 20);
        final Optional<OnTimeForecast> forecast = OnTimeForecast.of(counters, open, Period.parse(ROW.period()).end(), now,
            TARGET, 20);
        final List<DrivingCase> driving = forecast.map(f -> f.overdueCaseIds().stream()
            .map(id -> new DrivingCase(id, ROW.unitId(), OVERDUE_SINCE, null)).toList()).orElse(List.of());
        return ForecastAlertLifecycle.next(previous, ROW, status, forecast, driving, now);
    }

    @Test
    void aForecastBelowTargetWhileTheValueMeetsItRaisesAnAtRiskAlertWithItsDrivingCases() {
        // 50 of 50 on time now; 2 overdue make 50/52 = 0.96 < 0.98
        final KpiAlert raised = next(null, resolutions(50, 0), overdue(2), NOW).orElseThrow();

        assertThat(raised.state()).isEqualTo(AlertState.RAISED);
        assertThat(raised.kind()).isEqualTo(AlertKind.AT_RISK);
        assertThat(raised.key()).containsExactly("U1", "*", "2026-03", "onTimeRate", "AT_RISK");
        assertThat(raised.forecast()).isEqualTo(50.0 / 52);
        assertThat(raised.value()).isEqualTo(1.0);
        assertThat(raised.drivingIds()).containsExactly("o0", "o1");
        assertThat(raised.drivingCases()).extracting(DrivingCase::effectiveDue).containsOnly(OVERDUE_SINCE);
        assertThat(raised.raisedAt()).isEqualTo(NOW);
        assertThat(raised.allowance()).isEqualTo(1L);
        assertThat(raised.stale()).isFalse();
    }

    @Test
    void aForecastThatMeetsTheTargetRaisesNothing() {
        // 50/51 = 0.9804 >= 0.98
        assertThat(next(null, resolutions(50, 0), overdue(1), NOW)).isEmpty();
    }

    @Test
    void aRowAlreadyBelowTargetIsABreachNotAForecastAlert() {
        assertThat(next(null, resolutions(40, 10), overdue(2), NOW)).isEmpty();
    }

    @Test
    void aRowWhoseVolumeAndProjectedCasesStayBelowMinVolumeRaisesNothing() {
        // 10/12 is below the target, but 10 resolved + 2 projected < 20
        assertThat(next(null, resolutions(10, 0), overdue(2), NOW)).isEmpty();
    }

    @Test
    void anOpenAlertIsNotRaisedAgainAndIsUpdatedOnlyWhenItsDrivingCasesChange() {
        final KpiAlert raised = next(null, resolutions(50, 0), overdue(2), NOW).orElseThrow();

        assertThat(next(raised, resolutions(50, 0), overdue(2), NOW.plusSeconds(60))).isEmpty();
        final KpiAlert updated = next(raised, resolutions(50, 0), overdue(3), NOW.plusSeconds(60)).orElseThrow();
        assertThat(updated.state()).isEqualTo(AlertState.UPDATED);
        assertThat(updated.raisedAt()).isEqualTo(NOW);
        assertThat(updated.drivingIds()).containsExactly("o0", "o1", "o2");
    }

    @Test
    void anOpenAlertResolvesWhenTheForecastRecovers() {
        final KpiAlert raised = next(null, resolutions(50, 0), overdue(2), NOW).orElseThrow();

        // 48 more resolved on time: with the same 2 overdue the forecast is 98/100, the target again
        final KpiAlert resolved = next(raised, resolutions(98, 0), overdue(2), NOW.plusSeconds(60)).orElseThrow();
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.kind()).isEqualTo(AlertKind.AT_RISK);
        assertThat(resolved.raisedAt()).isEqualTo(NOW);
        assertThat(resolved.drivingCases()).isEmpty();
        assertThat(resolved.forecast()).isEqualTo(98.0 / 100);
    }

    @Test
    void anOpenAlertResolvesWhenTheRowFallsIntoBreach() {
        final KpiAlert raised = next(null, resolutions(50, 0), overdue(2), NOW).orElseThrow();

        assertThat(next(raised, resolutions(50, 2), List.of(), NOW).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void anOpenAlertResolvesStaleWhenThePeriodEnds() {
        final KpiAlert raised = next(null, resolutions(50, 0), overdue(2), NOW).orElseThrow();
        final Instant afterTheEnd = Period.parse("2026-03").end();

        final KpiAlert resolved = next(raised, resolutions(50, 0), overdue(2), afterTheEnd).orElseThrow();
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.stale()).isTrue();
        assertThat(resolved.forecast()).isNull();
    }

    @Test
    void aResolvedAlertIsNoLongerOpen() {
        final KpiAlert raised = next(null, resolutions(50, 0), overdue(2), NOW).orElseThrow();
        final KpiAlert resolved = next(raised, resolutions(50, 0), List.of(), NOW).orElseThrow();

        assertThat(next(resolved, resolutions(50, 0), List.of(), NOW)).isEmpty();
        assertThat(next(resolved, resolutions(50, 0), overdue(2), NOW).orElseThrow().state()).isEqualTo(AlertState.RAISED);
    }

    @Test
    void aSubtreeRowSummedFromItsUnitsProjectionsRaisesWithItsDrivingChildrenAndNoCases() {
        final KpiRowKey subtree = new KpiRowKey("TINH", "*", "2026-03");
        final KpiCounters counters = resolutions(50, 0);
        // two units under it: one overdue case each, the projections added up as section 6 adds the rows
        final ForecastProjection projection = new ForecastProjection(1, 3, 1).plus(new ForecastProjection(1, 0, 0));
        final Optional<OnTimeForecast> forecast = OnTimeForecast.of(counters, projection, List.of(),
            Period.parse(subtree.period()).end(), NOW, TARGET, 20);
        final KpiStatus status = KpiStatus.of(Kpi.ON_TIME_RATE, counters, TARGET, 20);
        final List<DrivingChild> children = List.of(new DrivingChild("SO-A", 1), new DrivingChild("HUYEN-B", 1));

        final KpiAlert raised = ForecastAlertLifecycle.nextForSubtree(null, subtree, status, forecast, children, NOW)
            .orElseThrow();
        assertThat(raised.key()).containsExactly("TINH", "*", "2026-03", "onTimeRate", "subtree", "AT_RISK");
        assertThat(raised.forecast()).as("(50 + 1·3) / (50 + 2 + 3), the waiting case left out").isEqualTo(53.0 / 55);
        assertThat(raised.drivingChildren()).isEqualTo(children);
        assertThat(raised.drivingIds()).isEmpty();
        assertThat(raised.drivingCases()).isEmpty();

        assertThat(ForecastAlertLifecycle.nextForSubtree(raised, subtree, status, forecast, children, NOW))
            .as("nothing changed").isEmpty();
        assertThat(ForecastAlertLifecycle.nextForSubtree(raised, subtree, status, forecast, children.subList(0, 1), NOW)
            .orElseThrow().state()).isEqualTo(AlertState.UPDATED);
    }
}
