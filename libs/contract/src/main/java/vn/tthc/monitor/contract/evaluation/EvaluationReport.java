package vn.tthc.monitor.contract.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;

/**
 * The evaluation of a unit's quality objectives for a period (báo cáo kết quả thực hiện mục tiêu chất lượng):
 * each objective with its target, result, volume and verdict, beside the period before and the same period a year
 * before; the breaches and forecast warnings of the period; whether the figures are provisional. Plain data, built
 * by {@link #of} from KPI rows, targets, alerts and an explicit time.
 *
 * @param objectives the all-fields row's four KPIs first, then each field's KPIs that had cases in one of the three
 *                   periods, fields in code order
 * @param alerts     the period's alerts on this unit and scope, oldest raised first
 * @param alertsCut  the alerts given were cut at a maximum (the newest kept): older ones of the period may be missing
 * @param actions    the corrective actions recorded for the period's alerts on this unit and scope, the earliest
 *                   first, with their state at {@code producedAt}
 */
public record EvaluationReport(String unitId, String unitName, Scope scope, Period period, Instant producedAt,
                               Finality finality, List<Objective> objectives, List<AlertEntry> alerts, boolean alertsCut,
                               List<ActionEntry> actions) {

    public EvaluationReport {
        objectives = List.copyOf(objectives);
        alerts = List.copyOf(alerts);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A report without corrective actions. */
    public EvaluationReport(final String unitId, final String unitName, final Scope scope, final Period period,
                            final Instant producedAt, final Finality finality, final List<Objective> objectives,
                            final List<AlertEntry> alerts, final boolean alertsCut) {
        this(unitId, unitName, scope, period, producedAt, finality, objectives, alerts, alertsCut, List.of());
    }

    /** The evaluation without corrective actions: {@link #of(String, String, Scope, Period, Map, Targets, List, boolean, Instant, WorkingCalendar, List)} with none. */
    public static EvaluationReport of(final String unitId, final String unitName, final Scope scope, final Period period,
                                      final Map<KpiRowKey, KpiCounters> rows, final Targets targets,
                                      final List<KpiAlert> alerts, final boolean alertsCut, final Instant now,
                                      final WorkingCalendar calendar) {
        return of(unitId, unitName, scope, period, rows, targets, alerts, alertsCut, now, calendar, List.of());
    }

    /**
     * The evaluation of {@code unitId} in {@code scope} for {@code period}.
     *
     * @param rows   the unit's rows of that scope: those of the period, the period before and the year before are
     *               read, any others ignored
     * @param alerts alerts of any unit, period and scope: those of this unit, scope and period are kept
     * @param alertsCut whether {@code alerts} was cut at a maximum
     * @param actions corrective actions of any alert: those of this unit, scope and period are kept
     */
    public static EvaluationReport of(final String unitId, final String unitName, final Scope scope, final Period period,
                                      final Map<KpiRowKey, KpiCounters> rows, final Targets targets,
                                      final List<KpiAlert> alerts, final boolean alertsCut, final Instant now,
                                      final WorkingCalendar calendar, final List<CorrectiveAction> actions) {
        return of(unitId, unitName, scope, period, rows, targets, alerts, alertsCut, now,
            Finality.of(period, now, calendar), actions);
    }

    /**
     * The evaluation as above, labelled with a finality known elsewhere (the live pipeline's verdict stage, which
     * also knows when every case received in the period is closed), so that the report says what the query API says.
     */
    public static EvaluationReport of(final String unitId, final String unitName, final Scope scope, final Period period,
                                      final Map<KpiRowKey, KpiCounters> rows, final Targets targets,
                                      final List<KpiAlert> alerts, final boolean alertsCut, final Instant now,
                                      final Finality finality, final List<CorrectiveAction> actions) {
        final String current = period.toString();
        final String previous = EvaluationPeriods.previous(period).map(Period::toString).orElse(null);
        final String yearBefore = EvaluationPeriods.yearBefore(period).map(Period::toString).orElse(null);
        final TreeSet<String> fields = new TreeSet<>();
        rows.keySet().stream()
            .filter(key -> key.unitId().equals(unitId) && !key.isAllFields())
            .filter(key -> key.period().equals(current) || key.period().equals(previous) || key.period().equals(yearBefore))
            .forEach(key -> fields.add(key.fieldId()));
        final List<Objective> objectives = new ArrayList<>();
        addField(objectives, unitId, KpiRowKey.ALL_FIELDS, current, previous, yearBefore, rows, targets, true);
        for (final String field : fields) {
            addField(objectives, unitId, field, current, previous, yearBefore, rows, targets, false);
        }
        final List<AlertEntry> entries = alerts.stream()
            .filter(alert -> alert.unitId().equals(unitId) && alert.scope() == scope && alert.period().equals(current))
            .sorted(Comparator.comparing(KpiAlert::raisedAt).thenComparing(KpiAlert::fieldId).thenComparing(KpiAlert::kpi))
            .map(AlertEntry::of)
            .toList();
        final List<ActionEntry> actionEntries = actions.stream()
            .filter(action -> action.unitId().equals(unitId) && action.alertKey().get(2).equals(current)
                && action.alertKey().contains(Scope.SUBTREE.wireName()) == (scope == Scope.SUBTREE))
            .sorted(Comparator.comparing((CorrectiveAction action) -> action.events().get(0).at())
                .thenComparing(action -> String.join("|", action.alertKey())))
            .map(action -> ActionEntry.of(action, now))
            .toList();
        return new EvaluationReport(unitId, unitName, scope, period, now, finality, objectives,
            entries, alertsCut, actionEntries);
    }

    private static void addField(final List<Objective> objectives, final String unitId, final String field,
                                 final String current, final String previous, final String yearBefore,
                                 final Map<KpiRowKey, KpiCounters> rows, final Targets targets, final boolean everyKpi) {
        for (final Kpi kpi : Kpi.values()) {
            final Figure now = figure(unitId, field, current, kpi, rows, targets).orElseGet(
                () -> empty(new KpiRowKey(unitId, field, current), kpi, targets));
            final Figure before = previous == null ? null : figure(unitId, field, previous, kpi, rows, targets).orElse(null);
            final Figure lastYear = yearBefore == null ? null
                : figure(unitId, field, yearBefore, kpi, rows, targets).orElse(null);
            final boolean anyCase = now.volume() > 0 || before != null && before.volume() > 0
                || lastYear != null && lastYear.volume() > 0;
            if (everyKpi || anyCase) {
                objectives.add(new Objective(field, kpi, now, before, lastYear));
            }
        }
    }

    private static Optional<Figure> figure(final String unitId, final String field, final String period, final Kpi kpi,
                                           final Map<KpiRowKey, KpiCounters> rows, final Targets targets) {
        final KpiRowKey key = new KpiRowKey(unitId, field, period);
        final KpiCounters counters = rows.get(key);
        if (counters == null) {
            return Optional.empty();
        }
        final KpiStatus status = KpiStatus.of(kpi, counters, targets.target(kpi, key), targets.minVolume(key));
        return Optional.of(Figure.of(status, kpi.numerator(counters)));
    }

    private static Figure empty(final KpiRowKey key, final Kpi kpi, final Targets targets) {
        return new Figure(0, 0, targets.target(kpi, key), targets.minVolume(key), Verdict.NO_DATA);
    }

    /** How many objectives have each verdict in the period. */
    public long count(final Verdict verdict) {
        return objectives.stream().filter(objective -> objective.current().verdict() == verdict).count();
    }
}
