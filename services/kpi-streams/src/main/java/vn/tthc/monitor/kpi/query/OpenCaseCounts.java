package vn.tthc.monitor.kpi.query;

/**
 * A unit's open cases now: all of them, those waiting on the citizen, those due soon (sắp đến hạn)
 * and those overdue (đang xử lý quá hạn).
 */
public record OpenCaseCounts(long open, long waitingOnCitizen, long dueSoon, long overdue) {

    public static final OpenCaseCounts NONE = new OpenCaseCounts(0, 0, 0, 0);

    public OpenCaseCounts plus(final OpenCaseCounts other) {
        return new OpenCaseCounts(open + other.open, waitingOnCitizen + other.waitingOnCitizen, dueSoon + other.dueSoon,
            overdue + other.overdue);
    }
}
