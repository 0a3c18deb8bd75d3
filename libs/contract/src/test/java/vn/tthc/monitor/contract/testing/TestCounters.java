package vn.tthc.monitor.contract.testing;

import vn.tthc.monitor.contract.cases.Classification;
import vn.tthc.monitor.contract.kpi.KpiCounters;

/** KPI counters for rule tests: a number of cases resolved in time and late goes in, the row's counters come out. */
public final class TestCounters {

    private TestCounters() {
    }

    /** {@code inTime} cases resolved on time and {@code late} resolved late. */
    public static KpiCounters resolutions(final int inTime, final int late) {
        KpiCounters counters = KpiCounters.ZERO;
        for (int i = 0; i < inTime; i++) {
            counters = counters.plus(KpiCounters.resolution(Classification.ON_TIME, false));
        }
        for (int i = 0; i < late; i++) {
            counters = counters.plus(KpiCounters.resolution(Classification.LATE, false));
        }
        return counters;
    }
}
