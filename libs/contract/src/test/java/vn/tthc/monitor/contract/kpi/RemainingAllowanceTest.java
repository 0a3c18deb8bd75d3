package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestCounters.resolutions;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 3: the remaining allowance of a KPI (further bad outcomes the period can absorb), the good
 * outcomes a row below its target needs to get back, and whether it can, in exact decimal arithmetic.
 */
class RemainingAllowanceTest {

    private static KpiStatus onTime(final int inTime, final int late, final String target) {
        return KpiStatus.of(Kpi.ON_TIME_RATE, resolutions(inTime, late), new BigDecimal(target), 20);
    }

    @Test
    void aRowWithNoVolumeCanAbsorbNoBadOutcome() {
        final KpiStatus status = onTime(0, 0, "0.98");

        assertThat(status.allowance()).isZero();
        assertThat(status.toRecover()).isNull();
        assertThat(status.recoverable()).isTrue();
    }

    @Test
    void aRowExactlyAtItsTargetCanAbsorbNoMoreAndHasNothingToRecover() {
        final KpiStatus status = onTime(49, 1, "0.98");

        assertThat(status.allowance()).isZero();
        assertThat(status.toRecover()).isNull();
        assertThat(status.recoverable()).isTrue();
    }

    @Test
    void fiftyCasesAllOnTimeAt98PercentAbsorbOneMoreWithoutFloatingPointError() {
        // 50/51 = 0.98039 meets 0.98, 50/52 does not; 0.98 * 50 is 49.00000000000001 in binary floating point
        assertThat(onTime(50, 0, "0.98").allowance()).isEqualTo(1);
        assertThat(onTime(49, 1, "0.98").allowance()).isZero();
    }

    @Test
    void aRowOneCaseShortOf98PercentOfFiftyNeedsFiftyGoodOutcomes() {
        // 48 of 50: (49 - 48) / 0.02 = 50, and 98/100 meets the target while 97/99 does not
        final KpiStatus status = onTime(48, 2, "0.98");

        assertThat(status.allowance()).isZero();
        assertThat(status.toRecover()).isEqualTo(50);
        assertThat(status.recoverable()).isTrue();
    }

    @Test
    void twentyFiveCasesAt96PercentAllowOneLateCaseOnly() {
        assertThat(onTime(25, 0, "0.96").allowance()).isEqualTo(1);
        assertThat(onTime(24, 1, "0.96").allowance()).isZero();
        assertThat(onTime(24, 1, "0.96").toRecover()).isNull();
        assertThat(onTime(23, 2, "0.96").toRecover()).isEqualTo(25);
    }

    @Test
    void aTargetOfOneAllowsNothingAndOnceMissedCannotBeMetThisPeriod() {
        assertThat(onTime(30, 0, "1.0").allowance()).isZero();
        assertThat(onTime(30, 0, "1.0").recoverable()).isTrue();

        final KpiStatus missed = onTime(29, 1, "1.0");
        assertThat(missed.allowance()).isZero();
        assertThat(missed.toRecover()).isNull();
        assertThat(missed.recoverable()).isFalse();
    }

    @Test
    void aTargetOfZeroSetsNoLimit() {
        final KpiStatus status = onTime(0, 12, "0");

        assertThat(status.allowance()).isNull();
        assertThat(status.toRecover()).isNull();
        assertThat(status.recoverable()).isTrue();
    }

    @Test
    void aRowBelowMinVolumeCarriesTheSameFiguresButIsNotInBreach() {
        final KpiStatus small = KpiStatus.of(Kpi.ON_TIME_RATE, resolutions(8, 2), new BigDecimal("0.9"), 20);

        assertThat(small.breached()).isFalse();
        assertThat(small.allowance()).isZero();
        assertThat(small.toRecover()).isEqualTo(10);
        assertThat(small.recoverable()).isTrue();
    }

    @Test
    void everyKpiCountsItsOwnBadOutcomes() {
        // satisfaction: 24 satisfied of 24 ratings at 0.96 absorbs one dissatisfied rating (24/25)
        final KpiCounters ratings = new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 24, 0, 0);

        assertThat(KpiStatus.of(Kpi.SATISFACTION_RATE, ratings, new BigDecimal("0.96"), 20).allowance()).isEqualTo(1);
        assertThat(KpiStatus.of(Kpi.ON_TIME_RATE, ratings, new BigDecimal("0.96"), 20).allowance()).isZero();
    }

    @Test
    void theFiguresAreWhatAddingOutcomesOneByOneGives() {
        for (final String target : new String[] {"0.07", "0.5", "0.56", "0.9", "0.95", "0.96", "0.98", "0.999", "1"}) {
            final BigDecimal t = new BigDecimal(target);
            for (int good = 0; good <= 60; good++) {
                for (int bad = 0; bad <= 15; bad++) {
                    final KpiStatus status = onTime(good, bad, target);
                    assertThat(status.allowance()).as("allowance at %d/%d, target %s", good, good + bad, target)
                        .isEqualTo(badOutcomesAbsorbed(good, good + bad, t));
                    if (meets(good, good + bad, t)) {
                        assertThat(status.toRecover()).isNull();
                    } else if (t.compareTo(BigDecimal.ONE) < 0) {
                        assertThat(status.toRecover()).as("toRecover at %d/%d, target %s", good, good + bad, target)
                            .isEqualTo(goodOutcomesToRecover(good, good + bad, t));
                    }
                }
            }
        }
    }

    private static boolean meets(final long good, final long volume, final BigDecimal target) {
        return BigDecimal.valueOf(good).compareTo(target.multiply(BigDecimal.valueOf(volume))) >= 0;
    }

    private static long badOutcomesAbsorbed(final long good, final long volume, final BigDecimal target) {
        long k = 0;
        while (meets(good, volume + k + 1, target)) {
            k++;
        }
        return k;
    }

    private static long goodOutcomesToRecover(final long good, final long volume, final BigDecimal target) {
        long k = 0;
        while (!meets(good + k, volume + k, target)) {
            k++;
        }
        return k;
    }
}
