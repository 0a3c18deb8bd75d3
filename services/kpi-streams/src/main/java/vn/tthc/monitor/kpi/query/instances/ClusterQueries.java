package vn.tthc.monitor.kpi.query.instances;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.Breach;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.CaseView;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.OpenCaseCounts;
import vn.tthc.monitor.kpi.query.OverdueCase;
import vn.tthc.monitor.kpi.query.PipelineCounts;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.UnitOpenCase;
import vn.tthc.monitor.kpi.query.UnlistedUnit;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;

/**
 * The query API's answers for every unit, whichever instance is asked: the same queries as {@link KpiQueryService}
 * (which reads this instance's stores only, as the metrics do), routed by {@link InstanceRouter}. A unit's rows and
 * forecasts come from the instance holding the unit (the rows stages are partitioned by unit), a case from the one
 * holding the case; the lists of every unit, and a unit's open cases (kept by case), are gathered from every
 * instance and merged here with the same order and limits as one instance applies.
 */
@Singleton
public class ClusterQueries {

    /** Where an instance answers the others from its own stores ({@link InstanceQueryController}). */
    public static final String PATH = "/api/v1/instance";

    private final KpiQueryService local;
    private final InstanceRouter router;
    private final Targets targets;

    public ClusterQueries(final KpiQueryService local, final InstanceRouter router, final Targets targets) {
        this.local = local;
        this.router = router;
        this.targets = targets;
    }

    /** The section-5 report over every instance's rows. */
    public QueryResult<KpiReport> report() {
        return router.fromEveryInstance(PATH + "/report", Wire.type(Parts.ReportPart.class),
            () -> local.report().map(Parts.ReportPart::of)).map(parts -> {
                final Map<KpiRowKey, KpiCounters> own = new HashMap<>();
                final Map<KpiRowKey, KpiCounters> subtree = new HashMap<>();
                long rejected = 0;
                for (final QueryResult.Found<Parts.ReportPart> part : parts) {
                    part.value().rows().forEach(row -> (row.scope() == Scope.SUBTREE ? subtree : own).put(row.key(), row.counters()));
                    rejected += part.value().rejected();
                }
                return KpiReport.of(own, subtree, targets, rejected);
            });
    }

    /** The rows in breach now, of every instance. */
    public QueryResult<List<Breach>> breaches() {
        return report().map(KpiReport::breaches);
    }

    /** One unit's rows of {@code scope}, from the instance that holds the unit. */
    public QueryResult<List<KpiRowStatus>> unitRows(final String unitId, final Scope scope) {
        return router.<List<Parts.RowEntry>>fromOwner(scope == Scope.SUBTREE ? StoreCatalog.SUBTREE_ROWS_STORE : StoreCatalog.KPI_ROWS_STORE,
                unitId, PATH + "/units/" + Wire.segment(unitId) + "/rows?scope=" + scope.wireName(), Wire.listOf(Parts.RowEntry.class),
                () -> local.unitRows(unitId, scope).map(Parts.RowEntry::of))
            .map(rows -> rows.stream().map(row -> KpiRowStatus.of(row.key(), row.scope(), row.counters(), targets)).toList());
    }

    /** The forecasts of one unit's own rows of the current periods, from the instance that holds the unit. */
    public QueryResult<Map<KpiRowKey, OnTimeForecast>> unitForecasts(final String unitId) {
        return router.<List<Parts.ForecastEntry>>fromOwner(StoreCatalog.KPI_ROWS_STORE, unitId,
                PATH + "/units/" + Wire.segment(unitId) + "/forecasts", Wire.listOf(Parts.ForecastEntry.class),
                () -> local.unitForecasts(unitId).map(Parts.ForecastEntry::of))
            .map(Parts.ForecastEntry::toMap);
    }

    /**
     * The forecasts of one unit's subtree rows of the current periods, from the instance that holds them (with the
     * projections their units spread to them).
     */
    public QueryResult<Map<KpiRowKey, OnTimeForecast>> subtreeForecasts(final String unitId) {
        return router.<List<Parts.ForecastEntry>>fromOwner(StoreCatalog.SUBTREE_ROWS_STORE, unitId,
                PATH + "/units/" + Wire.segment(unitId) + "/subtree-forecasts", Wire.listOf(Parts.ForecastEntry.class),
                () -> local.subtreeForecasts(unitId).map(Parts.ForecastEntry::of))
            .map(Parts.ForecastEntry::toMap);
    }

    /** The verdict stage's state of one unit's rows of {@code scope}, by period, from the instance that holds them. */
    public QueryResult<Map<String, VerdictState>> unitVerdicts(final String unitId, final Scope scope) {
        return router.fromOwner(scope == Scope.SUBTREE ? StoreCatalog.SUBTREE_ROWS_STORE : StoreCatalog.KPI_ROWS_STORE,
            unitId, PATH + "/units/" + Wire.segment(unitId) + "/verdicts?scope=" + scope.wireName(),
            Wire.mapOf(VerdictState.class), () -> local.unitVerdicts(unitId, scope));
    }

    /** One unit's open cases (kept by case, so on every instance), merged: the soonest due first, at most {@value KpiQueryService#MAX_LISTED}. */
    public QueryResult<List<UnitOpenCase>> unitOpenCases(final String unitId, final UnitOpenCase.State state) {
        return unitList(PATH + "/units/" + Wire.segment(unitId) + "/open-cases" + (state == null ? "" : "?state=" + state.name()),
            UnitOpenCase.class, () -> local.unitOpenCases(unitId, state),
            Comparator.comparing(UnitOpenCase::effectiveDue).thenComparing(UnitOpenCase::caseId), unitId);
    }

    /** One unit's overdue cases of every instance, most overdue first, at most {@value KpiQueryService#MAX_LISTED}. */
    public QueryResult<List<OverdueCase>> overdueCases(final String unitId) {
        return unitList(PATH + "/units/" + Wire.segment(unitId) + "/overdue-cases", OverdueCase.class,
            () -> local.overdueCases(unitId), Comparator.comparing(OverdueCase::effectiveDue).thenComparing(OverdueCase::caseId),
            unitId);
    }

    private <T> QueryResult<List<T>> unitList(final String path, final Class<T> type,
                                              final Supplier<QueryResult<List<T>>> localList,
                                              final Comparator<T> order, final String unitId) {
        final QueryResult<List<QueryResult.Found<List<T>>>> parts = router.fromEveryInstance(path, Wire.listOf(type), localList);
        if (parts instanceof QueryResult.Found<List<QueryResult.Found<List<T>>>> found && found.value().isEmpty()) {
            return new QueryResult.NotFound<>("open cases of unit " + unitId);
        }
        return firstOf(parts, order, KpiQueryService.MAX_LISTED);
    }

    /** Each unit's open-case counts, summed over the instances; at most {@value KpiQueryService#MAX_UNITS} units. */
    public QueryResult<Map<String, OpenCaseCounts>> openCaseCounts() {
        return merged(router.fromEveryInstance(PATH + "/open-cases", Wire.mapOf(OpenCaseCounts.class), local::openCaseCounts),
            map -> map, OpenCaseCounts::plus, (unit, counts) -> counts);
    }

    /** The alerts open now on every instance, newest raised first, at most {@value KpiQueryService#MAX_LISTED}. */
    public QueryResult<List<KpiAlert>> openAlerts(final boolean includeStale) {
        return firstOf(router.fromEveryInstance(PATH + "/alerts?includeStale=" + includeStale, Wire.listOf(KpiAlert.class),
                () -> local.openAlerts(includeStale)),
            Comparator.comparing(KpiAlert::raisedAt).reversed().thenComparing(alert -> String.join("|", alert.key())),
            KpiQueryService.MAX_LISTED);
    }

    /** The units the organisation file misses, their rows counted over every instance. */
    public QueryResult<List<UnlistedUnit>> unlistedUnits() {
        return merged(router.fromEveryInstance(PATH + "/unlisted-units", Wire.listOf(UnlistedUnit.class), local::unlistedUnits),
                ClusterQueries::rowsByUnit, Long::sum, UnlistedUnit::new)
            .map(units -> List.copyOf(units.values()));
    }

    private static Map<String, Long> rowsByUnit(final List<UnlistedUnit> units) {
        final Map<String, Long> rows = new HashMap<>();
        units.forEach(unit -> rows.put(unit.unitId(), unit.rows()));
        return rows;
    }

    /** One case, from the instance that holds it. */
    public QueryResult<CaseView> caseView(final String caseId) {
        return router.fromOwner(StoreCatalog.CASE_HISTORIES_STORE, caseId, PATH + "/cases/" + Wire.segment(caseId),
            Wire.type(CaseView.class), () -> local.caseView(caseId));
    }

    /** Accepted, rejected and duplicate deliveries per source, summed over the instances. */
    public QueryResult<PipelineCounts> pipelineCounts() {
        return router.fromEveryInstance(PATH + "/pipeline", Wire.type(PipelineCounts.class), local::pipelineCounts)
            .map(parts -> {
                final Map<String, Long> accepted = new HashMap<>();
                final Map<String, Long> rejected = new HashMap<>();
                final Map<String, Long> duplicates = new HashMap<>();
                final Map<String, Long> unverified = new HashMap<>();
                for (final QueryResult.Found<PipelineCounts> part : parts) {
                    part.value().acceptedBySource().forEach((source, count) -> accepted.merge(source, count, Long::sum));
                    part.value().rejectedBySource().forEach((source, count) -> rejected.merge(source, count, Long::sum));
                    part.value().duplicatesBySource().forEach((source, count) -> duplicates.merge(source, count, Long::sum));
                    part.value().unverifiedIdsBySource().forEach((source, count) -> unverified.merge(source, count, Long::sum));
                }
                return new PipelineCounts(accepted, rejected, duplicates, unverified);
            });
    }

    /** The first {@code max} items of every part in {@code order}; truncated when a part was or the whole is cut. */
    private static <T> QueryResult<List<T>> firstOf(final QueryResult<List<QueryResult.Found<List<T>>>> parts,
                                                    final Comparator<T> order, final int max) {
        if (!(parts instanceof QueryResult.Found<List<QueryResult.Found<List<T>>>> found)) {
            return parts.map(any -> List.of());
        }
        final List<T> all = new ArrayList<>();
        boolean truncated = false;
        for (final QueryResult.Found<List<T>> part : found.value()) {
            all.addAll(part.value());
            truncated |= part.truncated();
        }
        all.sort(order);
        return new QueryResult.Found<>(List.copyOf(all.subList(0, Math.min(max, all.size()))), truncated || all.size() > max);
    }

    /** The parts as maps by unit id merged with {@code plus}, by unit id, at most {@value KpiQueryService#MAX_UNITS} units. */
    private static <P, V, R> QueryResult<Map<String, R>> merged(final QueryResult<List<QueryResult.Found<P>>> parts,
                                                                 final Function<P, Map<String, V>> byUnit,
                                                                 final BinaryOperator<V> plus,
                                                                 final BiFunction<String, V, R> result) {
        if (!(parts instanceof QueryResult.Found<List<QueryResult.Found<P>>> found)) {
            return parts.map(any -> Map.of());
        }
        final TreeMap<String, V> all = new TreeMap<>();
        boolean truncated = false;
        for (final QueryResult.Found<P> part : found.value()) {
            byUnit.apply(part.value()).forEach((unit, value) -> all.merge(unit, value, plus));
            truncated |= part.truncated();
        }
        final Map<String, R> first = new TreeMap<>();
        for (final Map.Entry<String, V> entry : all.entrySet()) {
            if (first.size() == KpiQueryService.MAX_UNITS) {
                truncated = true;
                break;
            }
            first.put(entry.getKey(), result.apply(entry.getKey(), entry.getValue()));
        }
        return new QueryResult.Found<>(first, truncated);
    }
}
