package vn.tthc.monitor.contract.evaluation;

import vn.tthc.monitor.contract.kpi.Period;

/** The periods an evaluation compares with, and the Vietnamese name of a period. */
public final class EvaluationPeriods {

    private EvaluationPeriods() {
    }

    /** The period of the same kind just before {@code period} (Q1 2026 → Q4 2025); empty before year 0. */
    public static java.util.Optional<Period> previous(final Period period) {
        if (period.index() > 1) {
            return java.util.Optional.of(new Period(period.kind(), period.year(), period.index() - 1));
        }
        if (period.year() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Period(period.kind(), period.year() - 1, period.kind().perYear()));
    }

    /** The same period a year before (Q1 2026 → Q1 2025); empty before year 0. */
    public static java.util.Optional<Period> yearBefore(final Period period) {
        return period.year() == 0 ? java.util.Optional.empty()
            : java.util.Optional.of(new Period(period.kind(), period.year() - 1, period.index()));
    }

    /** "Tháng 3 năm 2026", "Quý 1 năm 2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "Năm 2026". */
    public static String name(final Period period) {
        return switch (period.kind()) {
            case MONTH -> "Tháng " + period.index() + " năm " + period.year();
            case QUARTER -> "Quý " + period.index() + " năm " + period.year();
            case HALF_YEAR -> "6 tháng " + (period.index() == 1 ? "đầu" : "cuối") + " năm " + period.year();
            case YEAR -> "Năm " + period.year();
        };
    }
}
