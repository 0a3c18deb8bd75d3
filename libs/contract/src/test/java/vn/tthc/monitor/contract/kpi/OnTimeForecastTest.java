package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.tthc.monitor.contract.testing.TestCounters.resolutions;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 4: the end-of-period forecast of the on-time rate projects the open cases due before the
 * period ends (overdue ones late, waiting ones left out, the rest on time with probability p) and says
 * AT_RISK when it falls below the target while the current value still meets it.
 */
class OnTimeForecastTest {

    private static final BigDecimal TARGET = new BigDecimal("0.98");
    private static final Instant MARCH_END = Period.parse("2026-03").end();
    private static final Instant NOW = vn("2026-03-20T10:00");

    private static List<ForecastCase> cases(final String prefix, final int count, final Instant due, final boolean waiting) {
        final List<ForecastCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new ForecastCase(prefix + i, due, waiting, null));
        }
        return cases;
    }

    private static OnTimeForecast forecast(final KpiCounters counters, final List<ForecastCase> open, final int minVolume) {
        return OnTimeForecast.of(counters, open, MARCH_END, NOW, TARGET, minVolume).orElseThrow();
    }

    @Test
    void withNoOpenCaseTheForecastIsTheCurrentRate() {
        final OnTimeForecast forecast = forecast(resolutions(45, 5), List.of(), 20);

        assertThat(forecast.expectedRate()).isEqualTo(0.9);
        assertThat(forecast.atRisk()).isFalse();
    }

    @Test
    void overdueCasesCountAsCertainlyLate() {
        final OnTimeForecast forecast = forecast(resolutions(20, 0), cases("o", 2, vn("2026-03-19T17:00"), false), 20);

        assertThat(forecast.expectedRate()).isEqualTo(20.0 / 22);
        assertThat(forecast.projectedOverdue()).isEqualTo(2);
    }

    @Test
    void casesWaitingOnTheCitizenAreLeftOutEvenPastTheirDueTime() {
        final OnTimeForecast forecast = forecast(resolutions(20, 0), cases("w", 3, vn("2026-03-19T17:00"), true), 20);

        assertThat(forecast.expectedRate()).isEqualTo(1.0);
        assertThat(forecast.waitingLeftOut()).isEqualTo(3);
        assertThat(forecast.projectedOverdue()).isZero();
    }

    @Test
    void casesDueAfterThePeriodEndsAreNotProjected() {
        final List<ForecastCase> open = new ArrayList<>(cases("o", 1, vn("2026-03-19T17:00"), false));
        open.addAll(cases("later", 5, vn("2026-04-01T00:00"), false));

        final OnTimeForecast forecast = forecast(resolutions(20, 0), open, 20);

        assertThat(forecast.projectedRest()).isZero();
        assertThat(forecast.expectedRate()).isEqualTo(20.0 / 21);
    }

    @Test
    void theRestCountAtTheRowsOwnRateOnceItHasTheVolume() {
        // p = 18/20 = 0.9: (18 + 0.9 * 10) / 30 = 0.9
        final OnTimeForecast forecast = forecast(resolutions(18, 2), cases("r", 10, vn("2026-03-25T17:00"), false), 20);

        assertThat(forecast.onTimeProbability()).isEqualTo(0.9);
        assertThat(forecast.expectedRate()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void theRestCountAtTheTargetWhileTheRowIsBelowMinVolume() {
        // 5 of 5 so far, below minVolume 20: p = 0.98, (5 + 9.8) / 15
        final OnTimeForecast forecast = forecast(resolutions(5, 0), cases("r", 10, vn("2026-03-25T17:00"), false), 20);

        assertThat(forecast.onTimeProbability()).isEqualTo(0.98);
        assertThat(forecast.expectedRate()).isCloseTo(14.8 / 15, within(1e-12));
    }

    @Test
    void aRowMeetingItsTargetWithOverdueCasesThatWillSinkItIsAtRisk() {
        final List<ForecastCase> open = new ArrayList<>(cases("old", 1, vn("2026-03-18T17:00"), false));
        open.addAll(cases("new", 1, vn("2026-03-19T17:00"), false));

        final OnTimeForecast forecast = forecast(resolutions(49, 1), open, 20);

        assertThat(forecast.expectedRate()).isEqualTo(49.0 / 52);
        assertThat(forecast.atRisk()).isTrue();
        assertThat(forecast.overdueCaseIds()).containsExactly("old0", "new0");
    }

    @Test
    void aRowAlreadyBelowItsTargetIsInBreachNotAtRisk() {
        assertThat(forecast(resolutions(45, 5), cases("o", 2, vn("2026-03-19T17:00"), false), 20).atRisk()).isFalse();
    }

    @Test
    void aRowWithNothingResolvedYetIsAtRiskWhenItsOverdueCasesReachMinVolume() {
        assertThat(forecast(KpiCounters.ZERO, cases("o", 20, vn("2026-03-19T17:00"), false), 20).atRisk()).isTrue();
        assertThat(forecast(KpiCounters.ZERO, cases("o", 19, vn("2026-03-19T17:00"), false), 20).atRisk()).isFalse();
    }

    @Test
    void aRowWhoseVolumeAndProjectedCasesStayBelowMinVolumeIsNotAtRisk() {
        assertThat(forecast(resolutions(10, 0), cases("o", 5, vn("2026-03-19T17:00"), false), 20).atRisk()).isFalse();
        assertThat(forecast(resolutions(10, 0), cases("o", 5, vn("2026-03-19T17:00"), false), 15).atRisk()).isTrue();
    }

    @Test
    void aForecastExactlyAtTheTargetIsNotAtRiskWhateverFloatingPointSays() {
        // p = 98/100, 50 to come: (98 + 49) / 150 = 0.98 exactly
        final OnTimeForecast forecast = forecast(resolutions(98, 2), cases("r", 50, vn("2026-03-25T17:00"), false), 20);

        assertThat(forecast.expectedRate()).isCloseTo(0.98, within(1e-12));
        assertThat(forecast.atRisk()).isFalse();
    }

    @Test
    void theForecastIsDeterminedByNowAsACaseCrossesItsDueTime() {
        final Instant due = vn("2026-03-25T17:00");
        final List<ForecastCase> open = cases("c", 1, due, false);

        final OnTimeForecast atDue = OnTimeForecast.of(resolutions(20, 0), open, MARCH_END, due, TARGET, 20).orElseThrow();
        final OnTimeForecast after = OnTimeForecast.of(resolutions(20, 0), open, MARCH_END, due.plusSeconds(1), TARGET, 20)
            .orElseThrow();

        assertThat(atDue.projectedRest()).isEqualTo(1);
        assertThat(atDue.projectedOverdue()).isZero();
        assertThat(after.projectedOverdue()).isEqualTo(1);
        assertThat(OnTimeForecast.of(resolutions(20, 0), open, MARCH_END, due, TARGET, 20)).contains(atDue);
    }

    @Test
    void thereIsNoForecastOnceThePeriodHasEndedOrWithNothingToForecast() {
        assertThat(OnTimeForecast.of(resolutions(20, 0), List.of(), MARCH_END, MARCH_END, TARGET, 20)).isEmpty();
        assertThat(OnTimeForecast.of(KpiCounters.ZERO, cases("w", 2, NOW, true), MARCH_END, NOW, TARGET, 20)).isEmpty();
    }

    @Test
    void theProjectionsOfSeveralUnitsAddUpToTheForecastOfAllTheirCasesTogether() {
        final List<ForecastCase> first = new ArrayList<>(cases("o", 2, vn("2026-03-19T17:00"), false));
        first.addAll(cases("w", 1, vn("2026-03-19T17:00"), true));
        final List<ForecastCase> second = new ArrayList<>(cases("r", 3, vn("2026-03-25T17:00"), false));
        second.addAll(cases("l", 2, vn("2026-04-10T17:00"), false));
        final List<ForecastCase> all = new ArrayList<>(first);
        all.addAll(second);
        final ForecastProjection summed = ForecastProjection.of(first, MARCH_END, NOW)
            .plus(ForecastProjection.of(second, MARCH_END, NOW));

        assertThat(summed).isEqualTo(new ForecastProjection(2, 3, 1));
        final OnTimeForecast fromProjection = OnTimeForecast.of(resolutions(40, 0), summed, List.of(), MARCH_END, NOW,
            TARGET, 20).orElseThrow();
        final OnTimeForecast fromCases = forecast(resolutions(40, 0), all, 20);
        assertThat(fromProjection.expectedRate()).isEqualTo(fromCases.expectedRate());
        assertThat(fromProjection.atRisk()).isEqualTo(fromCases.atRisk()).isTrue();
        assertThat(fromProjection.overdueCaseIds()).isEmpty();
        assertThat(fromCases.overdueCaseIds()).containsExactly("o0", "o1");
    }

    @Test
    void aMonthEndsAtMidnightInVietnam() {
        assertThat(Period.parse("2026-03").end()).isEqualTo(vn("2026-04-01T00:00"));
        assertThat(Period.parse("2026-H1").end()).isEqualTo(vn("2026-07-01T00:00"));
    }
}
