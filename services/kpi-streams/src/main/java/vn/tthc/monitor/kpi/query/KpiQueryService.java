package vn.tthc.monitor.kpi.query;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.report.Breach;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseKeys;
import vn.tthc.monitor.kpi.topology.forecast.ForecastParts;
import vn.tthc.monitor.kpi.topology.forecast.RowForecasts;
import vn.tthc.monitor.kpi.topology.forecast.SubtreeRowForecasts;
import vn.tthc.monitor.kpi.topology.forecast.UnitCase;
import vn.tthc.monitor.kpi.topology.forecast.UnitProjections;

/**
 * Answers the query API from the pipeline's state stores (interactive queries) on this instance.
 * Every answer tells "not ready" (stores restoring or rebalancing) from "not found"; every query runs
 * on a bounded pool within a time limit ({@code tthc.query.timeout}), and the lists of alerts, overdue
 * cases and units are cut at a maximum (flagged truncated), so no stored value makes an answer unbounded.
 */
@Singleton
public class KpiQueryService {

    /** The most alerts or overdue cases one answer lists. */
    public static final int MAX_LISTED = 1_000;
    /** The most units the open-case counts list. */
    public static final int MAX_UNITS = 5_000;
    private static final int QUERY_THREADS = 4;
    private static final int QUERIES_WAITING = 32;

    private final QueryRunner runner;
    private final KafkaStreams streams;
    private final Targets targets;
    private final DueSoonWindow dueSoonWindow;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Organisation organisation;

    public KpiQueryService(final KafkaStreams streams, final Targets targets, final DueSoonWindow dueSoonWindow,
                           final WorkingCalendar calendar, final Clock clock, final Organisation organisation,
                           @Value("${tthc.query.timeout:5s}") final Duration timeout) {
        this.runner = new QueryRunner(QUERY_THREADS, QUERIES_WAITING, timeout);
        this.streams = streams;
        this.targets = targets;
        this.dueSoonWindow = dueSoonWindow;
        this.calendar = calendar;
        this.clock = clock;
        this.organisation = organisation;
    }

    /** The section-5 report over every KPI row: own rows, and the subtree rows of section 6 as the pipeline sums them. */
    public QueryResult<KpiReport> report() {
        return read(stores -> {
            final Map<KpiRowKey, KpiCounters> own = new HashMap<>();
            scan(stores.kpiRows().all(), row -> own.put(KpiRowKeyFormat.parse(row.key), row.value));
            final Map<KpiRowKey, KpiCounters> subtree = new HashMap<>();
            scan(stores.subtreeRows().all(), row -> subtree.put(KpiRowKeyFormat.parse(row.key), row.value));
            final long rejected = PipelineCounts.total(bySource(stores.rejectedCounts()));
            return new QueryResult.Found<>(KpiReport.of(own, subtree, targets, rejected));
        });
    }

    /** One unit's own rows, each KPI judged against its target. */
    public QueryResult<List<KpiRowStatus>> unitRows(final String unitId) {
        return unitRows(unitId, Scope.OWN);
    }

    /** One unit's rows of {@code scope} (own, or subtree: the unit and everything under it), each KPI judged. */
    public QueryResult<List<KpiRowStatus>> unitRows(final String unitId, final Scope scope) {
        return read(stores -> {
            final List<KpiRowStatus> rows = new ArrayList<>();
            scan((scope == Scope.SUBTREE ? stores.subtreeRows() : stores.kpiRows())
                    .prefixScan(KpiRowKeyFormat.unitPrefix(unitId), new StringSerializer()),
                row -> rows.add(KpiRowStatus.of(KpiRowKeyFormat.parse(row.key), scope, row.value, targets)));
            return rows.isEmpty() ? new QueryResult.NotFound<>(scope.wireName() + " rows of unit " + unitId)
                : new QueryResult.Found<>(rows);
        });
    }

    /**
     * What the verdict stage knows of one unit's periods of {@code scope}, by period: whether its rows are final,
     * since when and why, and the changes counted after they became final. A period with no state has not been seen
     * by the stage yet (provisional).
     */
    public QueryResult<Map<String, VerdictState>> unitVerdicts(final String unitId, final Scope scope) {
        return read(stores -> {
            final Map<String, VerdictState> states = new HashMap<>();
            scan((scope == Scope.SUBTREE ? stores.subtreeVerdicts() : stores.verdicts())
                    .prefixScan(KpiRowKeyFormat.unitPrefix(unitId), new StringSerializer()),
                entry -> states.put(entry.value.period(), entry.value));
            return new QueryResult.Found<>(states);
        });
    }

    /**
     * The units with own rows that the organisation file does not list, with how many rows each has, by unit id;
     * at most {@value #MAX_UNITS} (flagged truncated when there are more).
     */
    public QueryResult<List<UnlistedUnit>> unlistedUnits() {
        return read(stores -> {
            final Map<String, Long> rowsByUnit = new TreeMap<>();
            final boolean[] truncated = {false};
            scan(stores.kpiRows().all(), row -> {
                final String unitId = KpiRowKeyFormat.parse(row.key).unitId();
                if (organisation.unit(unitId).isPresent()) {
                    return;
                }
                if (rowsByUnit.size() < MAX_UNITS || rowsByUnit.containsKey(unitId)) {
                    rowsByUnit.merge(unitId, 1L, Long::sum);
                } else {
                    truncated[0] = true;
                }
            });
            return new QueryResult.Found<>(rowsByUnit.entrySet().stream()
                .map(unit -> new UnlistedUnit(unit.getKey(), unit.getValue())).toList(), truncated[0]);
        });
    }

    /** The rows of the periods that contain the current wall-clock time. */
    public QueryResult<CurrentKpis> currentKpis() {
        final Set<String> current = Period.containing(clock.instant()).stream().map(Period::toString)
            .collect(Collectors.toSet());
        return read(stores -> {
            final List<KpiRowStatus> rows = new ArrayList<>();
            for (final Scope scope : Scope.values()) {
                scan((scope == Scope.SUBTREE ? stores.subtreeRows() : stores.kpiRows()).all(), row -> {
                    final KpiRowKey key = KpiRowKeyFormat.parse(row.key);
                    if (current.contains(key.period())) {
                        rows.add(KpiRowStatus.of(key, scope, row.value, targets));
                    }
                });
            }
            return new QueryResult.Found<>(new CurrentKpis(rows));
        });
    }

    /**
     * The alerts open now (KPIs in breach, and AT_RISK forecasts), newest raised first, at most {@value #MAX_LISTED};
     * {@code includeStale} adds those of ended periods.
     */
    public QueryResult<List<KpiAlert>> openAlerts(final boolean includeStale) {
        return read(stores -> {
            final FirstItems<KpiAlert> open = new FirstItems<>(MAX_LISTED,
                Comparator.comparing(KpiAlert::raisedAt).reversed().thenComparing(KpiQueryService::alertKey));
            final Consumer<KeyValue<String, KpiAlert>> add = entry -> {
                if (includeStale || !entry.value.stale()) {
                    open.add(entry.value);
                }
            };
            scan(stores.alerts().all(), add);
            scan(stores.subtreeAlerts().all(), add);
            scan(stores.forecastAlerts().all(), add);
            scan(stores.subtreeForecastAlerts().all(), add);
            return open.found();
        });
    }

    private static String alertKey(final KpiAlert alert) {
        return String.join("|", alert.key());
    }

    /**
     * Each unit's open, waiting, due-soon and overdue cases at the current wall-clock time; at most
     * {@value #MAX_UNITS} units (the first met), flagged truncated when there are more.
     */
    public QueryResult<Map<String, OpenCaseCounts>> openCaseCounts() {
        final Instant now = clock.instant();
        return read(stores -> {
            final Map<String, OpenCaseCounts> byUnit = new TreeMap<>();
            final boolean[] truncated = {false};
            scan(stores.openCases().all(), entry -> {
                if (byUnit.size() < MAX_UNITS || byUnit.containsKey(entry.value.unitId())) {
                    byUnit.merge(entry.value.unitId(), counts(entry.value, now), OpenCaseCounts::plus);
                } else {
                    truncated[0] = true;
                }
            });
            return new QueryResult.Found<>(byUnit, truncated[0]);
        });
    }

    /**
     * One unit's overdue cases, most overdue first, at most {@value #MAX_LISTED}; not found when the unit
     * has no open case.
     */
    public QueryResult<List<OverdueCase>> overdueCases(final String unitId) {
        final Instant now = clock.instant();
        return read(stores -> {
            final FirstItems<OverdueCase> overdue = new FirstItems<>(MAX_LISTED,
                Comparator.comparing(OverdueCase::effectiveDue).thenComparing(OverdueCase::caseId));
            final boolean[] anyOpen = {false};
            scan(stores.openCases().all(), entry -> {
                final OpenCase open = entry.value;
                if (open.unitId().equals(unitId)) {
                    anyOpen[0] = true;
                    if (open.isOverdueAt(now)) {
                        overdue.add(new OverdueCase(open.caseId(), open.fieldId(), open.procedureId(), open.effectiveDue(),
                            Duration.between(open.effectiveDue(), now)));
                    }
                }
            });
            return anyOpen[0] ? overdue.found() : new QueryResult.NotFound<>("open cases of unit " + unitId);
        });
    }

    private OpenCaseCounts counts(final OpenCase open, final Instant now) {
        return new OpenCaseCounts(1, open.waitingOnCitizen() ? 1 : 0, open.isDueSoonAt(now, dueSoonWindow) ? 1 : 0,
            open.isOverdueAt(now) ? 1 : 0);
    }

    /** The rows in breach now. */
    public QueryResult<List<Breach>> breaches() {
        return report().map(KpiReport::breaches);
    }

    /** One case's state, with its status and remaining working time at the current wall-clock time. */
    public QueryResult<CaseView> caseView(final String caseId) {
        return read(stores -> {
            final CaseHistory history = stores.caseHistories().get(caseId);
            return history == null
                ? new QueryResult.NotFound<>("case " + caseId)
                : new QueryResult.Found<>(CaseView.of(history, CaseClock.assess(history), clock.instant(), calendar));
        });
    }

    /** Accepted, rejected, duplicate and unverified-id deliveries counted so far, per source system ("" when unknown). */
    public QueryResult<PipelineCounts> pipelineCounts() {
        return read(stores -> new QueryResult.Found<>(
            new PipelineCounts(bySource(stores.acceptedCounts()), bySource(stores.rejectedCounts()),
                bySource(stores.duplicateCounts()), bySource(stores.unverifiedIdCounts()))));
    }

    /** Runs {@code query} on the bounded pool, within the time limit. */
    private <T> QueryResult<T> read(final Function<Stores, QueryResult<T>> query) {
        return runner.run(() -> readNow(query));
    }

    private <T> QueryResult<T> readNow(final Function<Stores, QueryResult<T>> query) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new QueryResult.NotReady<>("Kafka Streams is " + streams.state());
        }
        try {
            return query.apply(new Stores());
        } catch (final InvalidStateStoreException e) {
            return new QueryResult.NotReady<>(e.getMessage());
        }
    }

    /** Sums per key: a composite store over several tasks yields the same source once per task. */
    private static Map<String, Long> bySource(final ReadOnlyKeyValueStore<String, Long> counts) {
        final Map<String, Long> bySource = new HashMap<>();
        scan(counts.all(), entry -> bySource.merge(entry.key, entry.value, Long::sum));
        return bySource;
    }

    /** Every entry of {@code entries}, closed at the end; stops with the query when its time is up (the thread is interrupted). */
    private static <K, V> void scan(final KeyValueIterator<K, V> entries, final Consumer<KeyValue<K, V>> action) {
        try (entries) {
            while (entries.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("query cancelled at its time limit");
                }
                action.accept(entries.next());
            }
        }
    }

    /**
     * One unit's open cases, with where each stands now and its remaining working time, the soonest due first, at
     * most {@value #MAX_LISTED}; {@code state} keeps those in that state only (null: all). Not found when the unit
     * has no open case.
     */
    public QueryResult<List<UnitOpenCase>> unitOpenCases(final String unitId, final UnitOpenCase.State state) {
        final Instant now = clock.instant();
        return read(stores -> {
            final FirstItems<UnitOpenCase> listed = new FirstItems<>(MAX_LISTED,
                Comparator.comparing(UnitOpenCase::effectiveDue).thenComparing(UnitOpenCase::caseId));
            final boolean[] anyOpen = {false};
            scan(stores.openCases().all(), entry -> {
                if (entry.value.unitId().equals(unitId)) {
                    anyOpen[0] = true;
                    final UnitOpenCase open = UnitOpenCase.of(entry.value, now, dueSoonWindow, calendar);
                    if (state == null || open.state() == state) {
                        listed.add(open);
                    }
                }
            });
            return anyOpen[0] ? listed.found() : new QueryResult.NotFound<>("open cases of unit " + unitId);
        });
    }

    /**
     * The end-of-period forecast of the on-time rate of one unit's own rows of the current periods (those in the
     * rows store), at the service's clock, from the forecast stage's open cases of the unit.
     */
    public QueryResult<Map<KpiRowKey, OnTimeForecast>> unitForecasts(final String unitId) {
        final Instant now = clock.instant();
        return read(stores -> {
            final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
            scan(stores.kpiRows().prefixScan(KpiRowKeyFormat.unitPrefix(unitId), new StringSerializer()), row -> {
                final KpiRowKey key = KpiRowKeyFormat.parse(row.key);
                if (RowForecasts.isCurrent(key.period(), now)) {
                    rows.put(key, row.value);
                }
            });
            final List<UnitCase> cases = new ArrayList<>();
            scan(stores.forecastCases().prefixScan(KpiRowKeyFormat.unitPrefix(unitId), new StringSerializer()),
                entry -> cases.add(new UnitCase(ForecastCaseKeys.fieldId(entry.key), entry.value)));
            final UnitProjections projections = UnitProjections.of(unitId, cases, now, 0);
            final Map<KpiRowKey, OnTimeForecast> forecasts = new HashMap<>();
            rows.forEach((row, counters) -> RowForecasts.of(row, counters, projections, targets, now)
                .ifPresent(forecast -> forecasts.put(row, forecast)));
            return new QueryResult.Found<>(forecasts);
        });
    }

    /**
     * The end-of-period forecast of the on-time rate of one unit's subtree rows of the current periods (those in the
     * subtree rows store), at the service's clock, from the projections its units spread to it
     * ({@link StoreCatalog#SUBTREE_FORECAST_PARTS_STORE}, held with the subtree rows).
     */
    public QueryResult<Map<KpiRowKey, OnTimeForecast>> subtreeForecasts(final String unitId) {
        final Instant now = clock.instant();
        return read(stores -> {
            final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
            scan(stores.subtreeRows().prefixScan(KpiRowKeyFormat.unitPrefix(unitId), new StringSerializer()), row -> {
                final KpiRowKey key = KpiRowKeyFormat.parse(row.key);
                if (RowForecasts.isCurrent(key.period(), now)) {
                    rows.put(key, row.value);
                }
            });
            final Map<KpiRowKey, Map<String, ForecastProjection>> parts = subtreeParts(stores, unitId);
            final Map<KpiRowKey, OnTimeForecast> forecasts = new HashMap<>();
            rows.forEach((row, counters) -> SubtreeRowForecasts.of(row, counters, parts.getOrDefault(row, Map.of()),
                targets, now).ifPresent(forecast -> forecasts.put(row, forecast)));
            return new QueryResult.Found<>(forecasts);
        });
    }

    /**
     * The forecasts of {@code rows} (rows of the current periods, as {@link #currentKpis} gives them: this instance's),
     * by scope and row, at the service's clock: an own row's from its unit's open cases, a subtree row's from the
     * projections its units spread to it.
     */
    public QueryResult<Map<Scope, Map<KpiRowKey, OnTimeForecast>>> forecasts(final List<KpiRowStatus> rows) {
        final Instant now = clock.instant();
        return read(stores -> {
            final Map<String, List<UnitCase>> casesByUnit = new HashMap<>();
            scan(stores.forecastCases().all(), entry -> {
                final KpiRowKey key = KpiRowKeyFormat.parse(entry.key);
                casesByUnit.computeIfAbsent(key.unitId(), any -> new ArrayList<>()).add(new UnitCase(key.fieldId(), entry.value));
            });
            final Map<String, UnitProjections> projectionsByUnit = new HashMap<>();
            final Map<String, Map<KpiRowKey, Map<String, ForecastProjection>>> partsByTop = new HashMap<>();
            final Map<Scope, Map<KpiRowKey, OnTimeForecast>> forecasts = new EnumMap<>(Scope.class);
            for (final Scope scope : Scope.values()) {
                forecasts.put(scope, new HashMap<>());
            }
            for (final KpiRowStatus row : rows) {
                final Optional<OnTimeForecast> forecast = row.scope() == Scope.SUBTREE
                    ? SubtreeRowForecasts.of(row.key(), row.counters(), partsByTop
                        .computeIfAbsent(row.unitId(), top -> subtreeParts(stores, top)).getOrDefault(row.key(), Map.of()),
                        targets, now)
                    : RowForecasts.of(row.key(), row.counters(), projectionsByUnit.computeIfAbsent(row.unitId(),
                        unit -> UnitProjections.of(unit, casesByUnit.getOrDefault(unit, List.of()), now, 0)), targets, now);
                forecast.ifPresent(found -> forecasts.get(row.scope()).put(row.key(), found));
            }
            return new QueryResult.Found<>(forecasts);
        });
    }

    /** The projections the units of {@code top}'s subtree (as the organisation file places them) spread to it, by row. */
    private Map<KpiRowKey, Map<String, ForecastProjection>> subtreeParts(final Stores stores, final String top) {
        final Map<KpiRowKey, Map<String, ForecastProjection>> parts = new HashMap<>();
        scan(stores.subtreeForecastParts().prefixScan(KpiRowKeyFormat.unitPrefix(top), new StringSerializer()),
            entry -> entry.value.projections().forEach((own, projection) ->
                parts.computeIfAbsent(new KpiRowKey(top, own.fieldId(), own.period()), any -> new HashMap<>())
                    .put(own.unitId(), projection)));
        parts.replaceAll((row, units) -> SubtreeRowForecasts.counted(top, units, organisation));
        return parts;
    }

    @PreDestroy
    void close() {
        runner.close();
    }

    /** The stores of this instance, looked up when a query runs. */
    private final class Stores {
        ReadOnlyKeyValueStore<String, KpiCounters> kpiRows() {
            return store(StoreCatalog.KPI_ROWS_STORE);
        }

        ReadOnlyKeyValueStore<String, CaseHistory> caseHistories() {
            return store(StoreCatalog.CASE_HISTORIES_STORE);
        }

        ReadOnlyKeyValueStore<String, KpiAlert> alerts() {
            return store(StoreCatalog.KPI_ALERTS_STORE);
        }

        ReadOnlyKeyValueStore<String, KpiCounters> subtreeRows() {
            return store(StoreCatalog.SUBTREE_ROWS_STORE);
        }

        ReadOnlyKeyValueStore<String, KpiAlert> subtreeAlerts() {
            return store(StoreCatalog.SUBTREE_ALERTS_STORE);
        }

        ReadOnlyKeyValueStore<String, OpenCase> openCases() {
            return store(StoreCatalog.OPEN_CASES_STORE);
        }

        ReadOnlyKeyValueStore<String, ForecastCase> forecastCases() {
            return store(StoreCatalog.FORECAST_CASES_STORE);
        }

        ReadOnlyKeyValueStore<String, KpiAlert> forecastAlerts() {
            return store(StoreCatalog.FORECAST_ALERTS_STORE);
        }

        ReadOnlyKeyValueStore<String, ForecastParts> subtreeForecastParts() {
            return store(StoreCatalog.SUBTREE_FORECAST_PARTS_STORE);
        }

        ReadOnlyKeyValueStore<String, KpiAlert> subtreeForecastAlerts() {
            return store(StoreCatalog.SUBTREE_FORECAST_ALERTS_STORE);
        }

        ReadOnlyKeyValueStore<String, VerdictState> verdicts() {
            return store(StoreCatalog.VERDICTS_STORE);
        }

        ReadOnlyKeyValueStore<String, VerdictState> subtreeVerdicts() {
            return store(StoreCatalog.SUBTREE_VERDICTS_STORE);
        }

        ReadOnlyKeyValueStore<String, Long> rejectedCounts() {
            return store(StoreCatalog.REJECTED_COUNTS_STORE);
        }

        ReadOnlyKeyValueStore<String, Long> acceptedCounts() {
            return store(StoreCatalog.ACCEPTED_COUNTS_STORE);
        }

        ReadOnlyKeyValueStore<String, Long> duplicateCounts() {
            return store(StoreCatalog.DUPLICATE_COUNTS_STORE);
        }

        ReadOnlyKeyValueStore<String, Long> unverifiedIdCounts() {
            return store(StoreCatalog.UNVERIFIED_ID_COUNTS_STORE);
        }

        private <K, V> ReadOnlyKeyValueStore<K, V> store(final String name) {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        }
    }
}
