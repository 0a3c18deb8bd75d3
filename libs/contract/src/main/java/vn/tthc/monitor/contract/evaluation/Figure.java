package vn.tthc.monitor.contract.evaluation;

import java.math.BigDecimal;
import vn.tthc.monitor.contract.kpi.KpiStatus;

/**
 * One KPI of one row in one period as the evaluation prints it: good outcomes over the volume, the target and
 * {@code minVolume} that applied, and the verdict.
 */
public record Figure(long good, long volume, BigDecimal target, int minVolume, Verdict verdict) {

    /** The figure of a row's KPI; {@code good} is the KPI's numerator. */
    public static Figure of(final KpiStatus status, final long good) {
        return new Figure(good, status.volume(), status.target(), status.minVolume(), Verdict.of(status));
    }

    /** "97,50%", or "—" when the volume is 0. */
    public String rate() {
        return volume == 0 ? "—" : VietnameseFormat.percent(good, volume);
    }
}
