package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;

/**
 * One unit's open cases projected to the end of each period containing {@code now}, for the rows they count in
 * (their field's and the unit's {@code *} row), in one pass over the cases: each row's {@link ForecastProjection}
 * and its oldest overdue cases, at most {@code maxOverdueIds}, listed as {@link OnTimeForecast#of} lists them
 * (oldest due first, then by caseId). Judging a unit's rows one by one over all its cases cost the stream threads
 * more than half their time in a backfill (docs/BENCHMARKS.md); this is what the forecast stage and the query API
 * judge a unit's rows from.
 * <p>
 * A case overdue at {@code now} is due before every current period ends ({@code now} is inside them), so a
 * field's overdue cases are the same for all its current rows.
 */
public final class UnitProjections {

    private static final Comparator<ForecastCase> OLDEST_DUE_FIRST =
        Comparator.comparing(ForecastCase::effectiveDue).thenComparing(ForecastCase::caseId);

    private final String unitId;
    private final List<Period> periods;
    /** The periods' text forms, as rows carry them. */
    private final List<String> periodTexts;
    /** Per field, then for {@code *}: the counts per current period and the oldest overdue cases. */
    private final Map<String, FieldProjections> byField;

    private UnitProjections(final String unitId, final List<Period> periods, final Map<String, FieldProjections> byField) {
        this.unitId = unitId;
        this.periods = periods;
        this.periodTexts = periods.stream().map(Period::toString).toList();
        this.byField = byField;
    }

    /** {@code cases}: the open cases of {@code unitId}, as the forecast stage keeps them. */
    public static UnitProjections of(final String unitId, final Collection<UnitCase> cases, final Instant now,
                                     final int maxOverdueIds) {
        final List<Period> periods = Period.containing(now);
        final Instant[] ends = periods.stream().map(Period::end).toArray(Instant[]::new);
        final Map<String, FieldProjections> byField = new HashMap<>();
        final FieldProjections allFields = new FieldProjections(ends.length, maxOverdueIds);
        for (final UnitCase open : cases) {
            final FieldProjections field = byField.computeIfAbsent(open.fieldId(),
                any -> new FieldProjections(ends.length, maxOverdueIds));
            field.add(open.forecastCase(), ends, now);
            allFields.add(open.forecastCase(), ends, now);
        }
        if (!cases.isEmpty()) {
            byField.put(KpiRowKey.ALL_FIELDS, allFields);
        }
        return new UnitProjections(unitId, periods, byField);
    }

    /** The fields with open cases, and {@code *} when there is any. */
    public Set<String> fields() {
        return byField.keySet();
    }

    /** The periods containing {@code now}. */
    public List<Period> periods() {
        return periods;
    }

    /** The projection of one of the unit's rows; {@link ForecastProjection#NONE} for a row of another period or unit. */
    public ForecastProjection projection(final KpiRowKey row) {
        final FieldProjections field = byField.get(row.fieldId());
        final int period = periodIndex(row);
        return field == null || period < 0 || !row.unitId().equals(unitId) ? ForecastProjection.NONE : field.projection(period);
    }

    /** The row's projected overdue cases, at most {@code maxOverdueIds}, the oldest due first. */
    public List<String> overdueCaseIds(final KpiRowKey row) {
        final FieldProjections field = byField.get(row.fieldId());
        return field == null || periodIndex(row) < 0 || !row.unitId().equals(unitId) ? List.of() : field.oldestOverdue();
    }

    private int periodIndex(final KpiRowKey row) {
        return periodTexts.indexOf(row.period());
    }

    /** One field's (or {@code *}'s) counts per current period, and its oldest overdue cases in a bounded heap. */
    private static final class FieldProjections {

        private final long[] overdue;
        private final long[] rest;
        private final long[] waiting;
        private final int maxOverdueIds;
        /** The newest of the oldest {@code maxOverdueIds} overdue cases on top, so a newer one is refused at a look. */
        private final PriorityQueue<ForecastCase> oldestOverdue;

        FieldProjections(final int periods, final int maxOverdueIds) {
            this.overdue = new long[periods];
            this.rest = new long[periods];
            this.waiting = new long[periods];
            this.maxOverdueIds = maxOverdueIds;
            this.oldestOverdue = new PriorityQueue<>(Math.max(1, maxOverdueIds), OLDEST_DUE_FIRST.reversed());
        }

        /** As {@link ForecastProjection#of}, for every period at once. */
        void add(final ForecastCase open, final Instant[] ends, final Instant now) {
            final Instant due = open.effectiveDue();
            final boolean isOverdue = !open.waitingOnCitizen() && now.isAfter(due);
            for (int i = 0; i < ends.length; i++) {
                if (!due.isBefore(ends[i])) {
                    continue;
                }
                if (open.waitingOnCitizen()) {
                    waiting[i]++;
                } else if (isOverdue) {
                    overdue[i]++;
                } else {
                    rest[i]++;
                }
            }
            if (isOverdue && maxOverdueIds > 0) {
                if (oldestOverdue.size() < maxOverdueIds) {
                    oldestOverdue.add(open);
                } else if (OLDEST_DUE_FIRST.compare(open, oldestOverdue.peek()) < 0) {
                    oldestOverdue.poll();
                    oldestOverdue.add(open);
                }
            }
        }

        ForecastProjection projection(final int period) {
            return new ForecastProjection(overdue[period], rest[period], waiting[period]);
        }

        List<String> oldestOverdue() {
            final List<ForecastCase> sorted = new ArrayList<>(oldestOverdue);
            sorted.sort(OLDEST_DUE_FIRST);
            return sorted.stream().map(ForecastCase::caseId).toList();
        }
    }
}
