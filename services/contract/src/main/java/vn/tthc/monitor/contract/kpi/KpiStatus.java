package vn.tthc.monitor.contract.kpi;

import java.math.BigDecimal;

/**
 * One KPI of one row judged against its target: {@code value} is {@code null} when the volume is
 * 0. {@code breached} when the volume is at least {@code minVolume}, not zero, and the value is
 * below the target (EVENTS.md section 3), compared exactly.
 */
public record KpiStatus(Kpi kpi, Double value, BigDecimal target, long volume, int minVolume, boolean breached) {

    public static KpiStatus of(final Kpi kpi, final KpiCounters counters, final BigDecimal target,
                               final int minVolume) {
        final long volume = kpi.volume(counters);
        final boolean breached = volume != 0 && volume >= minVolume
            && BigDecimal.valueOf(kpi.numerator(counters)).compareTo(target.multiply(BigDecimal.valueOf(volume))) < 0;
        return new KpiStatus(kpi, kpi.value(counters), target, volume, minVolume, breached);
    }
}
