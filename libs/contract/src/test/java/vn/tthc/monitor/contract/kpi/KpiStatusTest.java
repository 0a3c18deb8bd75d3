package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestCounters.resolutions;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.cases.Classification;

/**
 * EVENTS.md section 3: a row is in breach when its volume is at least minVolume and not zero, and its
 * value is below its target, compared exactly.
 */
class KpiStatusTest {

    private static final BigDecimal TARGET_98 = new BigDecimal("0.98");

    private static KpiStatus onTimeStatus(final KpiCounters counters, final BigDecimal target, final int minVolume) {
        return KpiStatus.of(Kpi.ON_TIME_RATE, counters, target, minVolume);
    }

    @Test
    void isBreachedSaysWhatTheFullStatusSays() {
        for (final String target : new String[] {"0", "0.5", "0.56", "0.96", "0.98", "1"}) {
            for (int inTime = 0; inTime <= 60; inTime += 3) {
                for (int late = 0; late <= 12; late++) {
                    final KpiCounters counters = resolutions(inTime, late);
                    for (final int minVolume : new int[] {0, 1, 20}) {
                        assertThat(KpiStatus.isBreached(Kpi.ON_TIME_RATE, counters, new BigDecimal(target), minVolume))
                            .as("%d on time, %d late, target %s, minVolume %d", inTime, late, target, minVolume)
                            .isEqualTo(onTimeStatus(counters, new BigDecimal(target), minVolume).breached());
                    }
                }
            }
        }
    }

    @Test
    void aRowBelowTargetWithVolumeEqualToMinVolumeIsInBreach() {
        final KpiStatus status = onTimeStatus(resolutions(19, 1), TARGET_98, 20);

        assertThat(status.breached()).isTrue();
        assertThat(status.value()).isEqualTo(0.95);
        assertThat(status.volume()).isEqualTo(20);
    }

    @Test
    void aRowBelowTargetWithVolumeBelowMinVolumeIsNotInBreach() {
        assertThat(onTimeStatus(resolutions(18, 1), TARGET_98, 20).breached()).isFalse();
    }

    @Test
    void aValueEqualToTheTargetIsNotInBreach() {
        assertThat(onTimeStatus(resolutions(49, 1), TARGET_98, 20).breached()).isFalse();
    }

    @Test
    void aValueJustBelowTheTargetIsInBreach() {
        assertThat(onTimeStatus(resolutions(97, 2), TARGET_98, 20).breached()).isTrue();
    }

    @Test
    void theComparisonIsExactWhereFloatingPointWouldMisjudgeIt() {
        // 0.56 * 100 is 56.00000000000001 in binary floating point: 56 of 100 must still meet 0.56.
        assertThat(onTimeStatus(resolutions(56, 44), new BigDecimal("0.56"), 20).breached()).isFalse();
        assertThat(onTimeStatus(resolutions(7, 93), new BigDecimal("0.07"), 20).breached()).isFalse();
    }

    @Test
    void aRowWithVolumeZeroIsNeverInBreachEvenWithMinVolumeZero() {
        final KpiStatus status = onTimeStatus(KpiCounters.ZERO, TARGET_98, 0);

        assertThat(status.breached()).isFalse();
        assertThat(status.value()).isNull();
    }

    @Test
    void withMinVolumeZeroASingleLateCaseIsABreach() {
        assertThat(onTimeStatus(resolutions(0, 1), TARGET_98, 0).breached()).isTrue();
    }

    @Test
    void aRowAboveItsTargetIsNotInBreach() {
        assertThat(onTimeStatus(resolutions(20, 0), TARGET_98, 20).breached()).isFalse();
    }

    @Test
    void earlyAndOnTimeCasesBothCountTowardsTheOnTimeRate() {
        final KpiCounters counters = KpiCounters.resolution(Classification.EARLY, false)
            .plus(KpiCounters.resolution(Classification.ON_TIME, false))
            .plus(KpiCounters.resolution(Classification.LATE, false))
            .plus(KpiCounters.resolution(Classification.EARLY, true));

        assertThat(Kpi.ON_TIME_RATE.value(counters)).isEqualTo(0.75);
    }

    @Test
    void eachKpiIsItsNumeratorOverItsVolume() {
        final KpiCounters counters = new KpiCounters(10, 6, 8, 5, 0, 0, 0, 0, 0, 0, 4, 3, 5, 2);

        assertThat(Kpi.ONLINE_RATE.value(counters)).isEqualTo(5.0 / 8);
        assertThat(Kpi.ONLINE_RATE.volume(counters)).isEqualTo(8);
        assertThat(Kpi.SATISFACTION_RATE.value(counters)).isEqualTo(3.0 / 4);
        assertThat(Kpi.SATISFACTION_RATE.volume(counters)).isEqualTo(4);
        assertThat(Kpi.FEEDBACK_ON_TIME_RATE.value(counters)).isEqualTo(2.0 / 5);
        assertThat(Kpi.FEEDBACK_ON_TIME_RATE.volume(counters)).isEqualTo(5);
    }

    @Test
    void aSatisfactionRowBelowTargetIsInBreachOnItsRatings() {
        final KpiCounters counters = new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 25, 23, 0, 0);

        final KpiStatus status = KpiStatus.of(Kpi.SATISFACTION_RATE, counters, new BigDecimal("0.96"), 20);

        assertThat(status.breached()).isTrue();
        assertThat(status.volume()).isEqualTo(25);
    }

    @Test
    void aRowAtItsTargetCanAbsorbNoMoreLateCases() {
        assertThat(onTimeStatus(resolutions(98, 2), TARGET_98, 20).headroom()).isZero();
    }

    @Test
    void aRowAboveItsTargetCountsTheLateCasesItCanStillAbsorb() {
        // 98 on time of 99: one more late case gives 98/100, still at the target; two give 98/101
        assertThat(onTimeStatus(resolutions(98, 1), TARGET_98, 20).headroom()).isEqualTo(1);
    }

    @Test
    void aRowBelowItsTargetCountsTheLateCasesBeyondWhatTheTargetAllows() {
        // 100 resolved at 0.98 allow 2 late; 5 late is 3 beyond
        assertThat(onTimeStatus(resolutions(95, 5), TARGET_98, 20).headroom()).isEqualTo(-3);
    }

    @Test
    void aTargetOfOneAllowsNoCaseAgainstIt() {
        assertThat(onTimeStatus(resolutions(10, 0), BigDecimal.ONE, 20).headroom()).isZero();
        assertThat(onTimeStatus(resolutions(10, 2), BigDecimal.ONE, 20).headroom()).isEqualTo(-2);
    }

    @Test
    void aTargetOfZeroCannotBeCrossed() {
        assertThat(onTimeStatus(resolutions(0, 5), BigDecimal.ZERO, 20).headroom()).isNull();
    }
}
