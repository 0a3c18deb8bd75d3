package vn.tthc.monitor.contract.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The end-of-period forecast of a row's on-time rate (dự báo cuối kỳ, issue 14 point 4). In: the row's
 * counters, its open cases, the period's end, {@code now}, the on-time target and {@code minVolume}. Out: the
 * expected rate (early + onTime + p·n_rest) / (resolved + n_overdue + n_rest), unrounded, where the open
 * cases due before the period ends are projected: overdue at {@code now} is certain late ({@code n_overdue}),
 * waiting on the citizen is left out (the clock stands), each of the rest ({@code n_rest}) is on time with
 * probability p, the row's on-time rate when its volume is at least {@code minVolume}, else the target.
 *
 * @param expectedRate      the forecast, unrounded
 * @param onTimeProbability p
 * @param overdueCaseIds    the projected overdue cases, the oldest due first: what drives a forecast down
 * @param atRisk            AT_RISK (Dự báo không đạt): the forecast is below the target while the current value
 *                          is not (no value, with nothing resolved, is not below), and the volume plus the
 *                          projected cases reach {@code minVolume}; compared exactly
 */
public record OnTimeForecast(double expectedRate, double onTimeProbability, long projectedOverdue, long projectedRest,
                             long waitingLeftOut, List<String> overdueCaseIds, boolean atRisk) {

    public OnTimeForecast {
        overdueCaseIds = List.copyOf(overdueCaseIds);
    }

    /**
     * The forecast at {@code now} of a period ending (exclusive) at {@code periodEnd}; empty when the period
     * has ended, or when nothing is resolved and nothing projected (no rate to expect).
     */
    public static Optional<OnTimeForecast> of(final KpiCounters counters, final Collection<ForecastCase> openCases,
                                              final Instant periodEnd, final Instant now, final BigDecimal target,
                                              final int minVolume) {
        final List<String> overdueCaseIds = openCases.stream()
            .filter(c -> c.effectiveDue().isBefore(periodEnd) && !c.waitingOnCitizen() && now.isAfter(c.effectiveDue()))
            .sorted(Comparator.comparing(ForecastCase::effectiveDue).thenComparing(ForecastCase::caseId))
            .map(ForecastCase::caseId)
            .toList();
        return of(counters, ForecastProjection.of(openCases, periodEnd, now), overdueCaseIds, periodEnd, now, target,
            minVolume);
    }

    /**
     * The forecast at {@code now} from a projection already made (a subtree row's: the sum of its units'), with the
     * overdue cases to name (none for a subtree row, which names its children); empty as above.
     */
    public static Optional<OnTimeForecast> of(final KpiCounters counters, final ForecastProjection projection,
                                              final List<String> overdueCaseIds, final Instant periodEnd,
                                              final Instant now, final BigDecimal target, final int minVolume) {
        if (!now.isBefore(periodEnd)) {
            return Optional.empty();
        }
        final long rest = projection.rest();
        final long good = Kpi.ON_TIME_RATE.numerator(counters);
        final long resolved = Kpi.ON_TIME_RATE.volume(counters);
        final long projected = resolved + projection.overdue() + rest;
        if (projected == 0) {
            return Optional.empty();
        }
        // p = pNumerator / pDenominator: the row's rate once it has the volume, else the target
        final boolean ownRate = resolved > 0 && resolved >= minVolume;
        final BigDecimal pNumerator = ownRate ? BigDecimal.valueOf(good) : target;
        final BigDecimal pDenominator = ownRate ? BigDecimal.valueOf(resolved) : BigDecimal.ONE;
        // forecast < t  <=>  good·pDen + pNum·rest < t·projected·pDen, all of it exact
        final BigDecimal expectedGoodTimesDen = BigDecimal.valueOf(good).multiply(pDenominator)
            .add(pNumerator.multiply(BigDecimal.valueOf(rest)));
        final boolean forecastBelow = expectedGoodTimesDen
            .compareTo(target.multiply(BigDecimal.valueOf(projected)).multiply(pDenominator)) < 0;
        final boolean currentBelow = BigDecimal.valueOf(good).compareTo(target.multiply(BigDecimal.valueOf(resolved))) < 0;
        final boolean atRisk = forecastBelow && !currentBelow && projected >= minVolume;
        final double p = pNumerator.doubleValue() / pDenominator.doubleValue();
        return Optional.of(new OnTimeForecast((good + p * rest) / projected, p, projection.overdue(), rest,
            projection.waiting(), overdueCaseIds, atRisk));
    }
}
