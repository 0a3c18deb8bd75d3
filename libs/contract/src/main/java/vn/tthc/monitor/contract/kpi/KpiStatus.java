package vn.tthc.monitor.contract.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One KPI of one row judged against its target: {@code value} is {@code null} when the volume is
 * 0. {@code breached} when the volume is at least {@code minVolume}, not zero, and the value is
 * below the target (EVENTS.md section 3), compared exactly.
 *
 * <p>{@code headroom} says how far the row is from the line, in cases: at or above the target, how
 * many more cases counted against the KPI (late, dissatisfied, not online, feedback late) the
 * period can absorb and stay at the target; below it, minus how many such cases it has had beyond
 * what the target allows. {@code null} when the target is 0 (it cannot be crossed).
 */
public record KpiStatus(Kpi kpi, Double value, BigDecimal target, long volume, int minVolume, boolean breached,
                        Long headroom) {

    public static KpiStatus of(final Kpi kpi, final KpiCounters counters, final BigDecimal target,
                               final int minVolume) {
        final long volume = kpi.volume(counters);
        final long good = kpi.numerator(counters);
        final boolean belowTarget = isBelow(good, volume, target);
        return new KpiStatus(kpi, kpi.value(counters), target, volume, minVolume, breached(volume, minVolume, belowTarget),
            headroom(good, volume, target, belowTarget));
    }

    /** Whether {@link #of} would say {@code breached}, without the rest of the status. */
    public static boolean isBreached(final Kpi kpi, final KpiCounters counters, final BigDecimal target, final int minVolume) {
        final long volume = kpi.volume(counters);
        return breached(volume, minVolume, isBelow(kpi.numerator(counters), volume, target));
    }

    private static boolean breached(final long volume, final int minVolume, final boolean belowTarget) {
        return volume != 0 && volume >= minVolume && belowTarget;
    }

    private static boolean isBelow(final long good, final long volume, final BigDecimal target) {
        return BigDecimal.valueOf(good).compareTo(target.multiply(BigDecimal.valueOf(volume))) < 0;
    }

    private static Long headroom(final long good, final long volume, final BigDecimal target, final boolean belowTarget) {
        if (target.signum() == 0) {
            return null;
        }
        if (!belowTarget) {
            return BigDecimal.valueOf(good).divide(target, 0, RoundingMode.FLOOR).longValueExact() - volume;
        }
        final long allowedAgainst = BigDecimal.valueOf(volume).multiply(BigDecimal.ONE.subtract(target))
            .setScale(0, RoundingMode.FLOOR).longValueExact();
        return -((volume - good) - allowedAgainst);
    }
}
