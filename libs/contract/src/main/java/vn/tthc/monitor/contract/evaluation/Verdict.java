package vn.tthc.monitor.contract.evaluation;

import vn.tthc.monitor.contract.kpi.KpiStatus;

/** The verdict on one quality objective (one KPI of one row) for a period. */
public enum Verdict {
    /** At or above its target with at least {@code minVolume} cases. */
    MET("Đạt"),
    /** Below its target with at least {@code minVolume} cases: the breach of EVENTS.md section 3. */
    NOT_MET("Không đạt"),
    /** Some cases, fewer than {@code minVolume}: no verdict yet. */
    LOW_VOLUME("Chưa đủ số lượng"),
    /** No case counted (volume 0). */
    NO_DATA("Chưa có dữ liệu");

    private final String label;

    Verdict(final String label) {
        this.label = label;
    }

    /** The Vietnamese label the report prints. */
    public String label() {
        return label;
    }

    /** The verdict on {@code status}; {@link #NOT_MET} exactly when the status is {@code breached}. */
    public static Verdict of(final KpiStatus status) {
        if (status.volume() == 0) {
            return NO_DATA;
        }
        if (status.volume() < status.minVolume()) {
            return LOW_VOLUME;
        }
        return status.breached() ? NOT_MET : MET;
    }
}
