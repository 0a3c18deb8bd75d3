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
 *
 * <p>The remaining allowance (số hồ sơ còn được phép không đạt, issue 14), with g good outcomes of volume v
 * and target t, in exact decimal arithmetic on the target's decimal text:
 * <ul>
 *   <li>{@code allowance}: how many further bad outcomes the period can absorb and still meet the target,
 *       max(0, floor((g − t·v) / t)); {@code null} when t = 0 (no limit);</li>
 *   <li>{@code toRecover}: below the target, how many consecutive good outcomes bring it back,
 *       ceil((t·v − g) / (1 − t)); {@code null} at or above it, and when t = 1;</li>
 *   <li>{@code recoverable}: false only below a target of 1, which cannot be met again this period.</li>
 * </ul>
 * Rows below {@code minVolume} carry the same figures: they are facts, though such a row raises no alert.
 */
public record KpiStatus(Kpi kpi, Double value, BigDecimal target, long volume, int minVolume, boolean breached,
                        Long headroom, Long allowance, Long toRecover, boolean recoverable) {

    public static KpiStatus of(final Kpi kpi, final KpiCounters counters, final BigDecimal target,
                               final int minVolume) {
        final long volume = kpi.volume(counters);
        final long good = kpi.numerator(counters);
        final boolean belowTarget = isBelow(good, volume, target);
        return new KpiStatus(kpi, kpi.value(counters), target, volume, minVolume, breached(volume, minVolume, belowTarget),
            headroom(good, volume, target, belowTarget), allowance(good, volume, target),
            belowTarget ? toRecover(good, volume, target) : null, !belowTarget || target.compareTo(BigDecimal.ONE) < 0);
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

    /** max(0, floor((g − t·v) / t)); {@code null} when t = 0. */
    static Long allowance(final long good, final long volume, final BigDecimal target) {
        if (target.signum() == 0) {
            return null;
        }
        final BigDecimal margin = BigDecimal.valueOf(good).subtract(target.multiply(BigDecimal.valueOf(volume)));
        return Math.max(0, margin.divide(target, 0, RoundingMode.FLOOR).longValueExact());
    }

    /** ceil((t·v − g) / (1 − t)) for a row below its target; {@code null} when t = 1 (nothing brings it back). */
    static Long toRecover(final long good, final long volume, final BigDecimal target) {
        final BigDecimal rest = BigDecimal.ONE.subtract(target);
        if (rest.signum() == 0) {
            return null;
        }
        return target.multiply(BigDecimal.valueOf(volume)).subtract(BigDecimal.valueOf(good))
            .divide(rest, 0, RoundingMode.CEILING).longValueExact();
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
