package vn.tthc.monitor.contract.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;

/**
 * The figures a unit publishes on its website (công khai tỷ lệ đánh giá hài lòng): its satisfaction rate and on-time
 * rate, over all fields, for the current and the last month and quarter. Aggregates only: two counts per rate, the
 * unit's id and name, nothing about a case or a person.
 *
 * @param periods current month, last month, current quarter, last quarter, in that order
 */
public record PublicFigures(String unitId, String unitName, Scope scope, Instant producedAt, List<PeriodFigures> periods) {

    public PublicFigures {
        periods = List.copyOf(periods);
    }

    /** One period's two rates; a rate is {@code null} when nothing was counted. */
    public record PeriodFigures(String period, String name, boolean current, Rate satisfaction, Rate onTime) {
    }

    /** {@code good} of {@code volume}, and the rate as the reports write it ("97,50%"). */
    public record Rate(long good, long volume, String text) {
        static Rate of(final Kpi kpi, final KpiCounters counters) {
            final long volume = kpi.volume(counters);
            return volume == 0 ? null : new Rate(kpi.numerator(counters), volume,
                VietnameseFormat.percent(kpi.numerator(counters), volume));
        }
    }

    /**
     * The figures of {@code unitId} at {@code now} from its all-fields rows of {@code scope} in {@code rows} (other
     * rows are ignored).
     */
    public static PublicFigures of(final String unitId, final String unitName, final Scope scope,
                                   final Map<KpiRowKey, KpiCounters> rows, final Instant now) {
        final List<Period> containing = Period.containing(now);
        final List<PeriodFigures> periods = new ArrayList<>();
        for (final Period current : List.of(containing.get(0), containing.get(1))) {
            periods.add(figures(unitId, current, true, rows));
            EvaluationPeriods.previous(current).ifPresent(last -> periods.add(figures(unitId, last, false, rows)));
        }
        return new PublicFigures(unitId, unitName, scope, now, periods);
    }

    private static PeriodFigures figures(final String unitId, final Period period, final boolean current,
                                         final Map<KpiRowKey, KpiCounters> rows) {
        final KpiCounters counters = rows.getOrDefault(new KpiRowKey(unitId, KpiRowKey.ALL_FIELDS, period.toString()),
            KpiCounters.ZERO);
        return new PeriodFigures(period.toString(), EvaluationPeriods.name(period), current,
            Rate.of(Kpi.SATISFACTION_RATE, counters), Rate.of(Kpi.ON_TIME_RATE, counters));
    }
}
