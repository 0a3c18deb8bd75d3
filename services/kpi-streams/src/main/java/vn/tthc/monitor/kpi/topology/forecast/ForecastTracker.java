package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.ForecastAlertLifecycle;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TaskGauge;

/**
 * Keeps each unit's open cases ({@link StoreCatalog#FORECAST_CASES_STORE}, mirrored in memory) in the task that sums
 * the unit's rows, and judges the end-of-period forecast of the
 * on-time KPI of the unit's own rows of the current periods ({@link RowForecasts}) by the contract's
 * {@link ForecastAlertLifecycle}: every {@code checkInterval} for the units whose rows or open cases changed, and
 * every {@code recomputeInterval} (at most a minute) for every unit with open cases or an open forecast alert, so
 * that cases that become overdue and periods that end move the forecast without any event. Every judgement uses
 * the punctuation's wall-clock time as {@code now}. Open AT_RISK alerts live in
 * {@link StoreCatalog#FORECAST_ALERTS_STORE}: a restart restores them and raises none twice.
 * <p>
 * At each judgement the tracker also projects the unit's open cases for each of its rows of the current periods
 * ({@link ForecastProjection}) and, when some changed since it last spread them, sends the changed ones, as they are
 * now, in one record ({@link ForecastParts}) to the top unit of each subtree that counts the unit
 * ({@link Organisation#subtreesCounting}), for the subtree rows' forecast ({@link SubtreeForecastTracker}); the
 * projection of an ended period, or of a row whose cases all closed, is taken out ({@link ForecastProjection#NONE}).
 * What each unit last spread is in memory only: a unit's first spread after the task starts is whole (all its
 * projections; the top drops the unit's others). The tree store ({@link StoreCatalog#FORECAST_SPREAD_TREE_STORE})
 * says whether the task may have lost changes not yet spread, as the subtree rows' spreader's does: the first change
 * after a judgement marks it as spread over none, each pass of the changed units marks it spread over the tree again,
 * in the same transaction as the parts it sends; a task that starts without its tree there (a new organisation file,
 * the first start, a stop with changes not yet spread) spreads every unit of its rows whole at its first pass, those
 * without open cases too (their parts go).
 * <p>
 * Each change of the open cases it keeps, counted by reception time, goes to the verdict stage in the same task
 * ({@link ForecastOutput.OpenCase}), which counts open the cases of {@link StoreCatalog#FORECAST_CASES_STORE}.
 * <p>
 * When the task starts, memory is rebuilt from the stores, but a unit's open cases only when the unit is first
 * needed (an update, a check), with a prefix scan of the unit, or by each check a few more units
 * ({@link #CASES_READ_PER_CHECK}), at the latest at the first pass over every unit: the start only lists the units
 * that have open cases, one seek per unit, and the task runs without reading a million cases first.
 */
final class ForecastTracker implements Processor<String, ForecastInput, String, ForecastOutput> {

    /**
     * How many open cases each check ({@code checkInterval}) reads at least, unit by unit, of the units not read yet:
     * spread over the checks of the first minute rather than all at the first pass over every unit, the reading makes
     * no punctuation long (a task of a province's million open cases holds a quarter of them).
     */
    private static final int CASES_READ_PER_CHECK = 10_000;
    private static final String TREE = "tree";
    private static final String NO_TREE = "";

    private final Targets targets;
    private final ForecastSettings settings;
    private final Organisation organisation;
    private final AtRiskUpdates updates;
    /** Each unit's subtrees: their top units, resolved once. */
    private final Map<String, List<String>> topsByUnit = new HashMap<>();
    private final String builtOver;
    private final long tree;
    /** Whether any unit is counted in a subtree: else nothing is spread, nor marked. */
    private final boolean spreading;
    /** What each unit spread to its subtrees since the task started, by row (none for a unit not spread yet: its next spread is whole). */
    private final Map<String, Map<KpiRowKey, ForecastProjection>> spreadByUnit = new HashMap<>();
    /**
     * Each unit's open cases by caseId (hashed: a unit of a province holds a hundred thousand, looked up on every
     * change), of the units read from the store.
     */
    private final Map<String, Map<String, UnitCase>> casesByUnit = new HashMap<>();
    /** The units whose open cases the store holds and memory does not yet: read when first needed ({@link #read}). */
    private final Set<String> unreadUnits = new HashSet<>();
    /** {@link #unreadUnits}' size as a metric: the progress of the reading after a start. */
    private TaskGauge reading;
    /** Each unit's open forecast alerts by row. */
    private final Map<String, Map<KpiRowKey, KpiAlert>> alertsByUnit = new HashMap<>();
    /** The units whose rows or open cases changed since the last check. */
    private final Set<String> changedUnits = new LinkedHashSet<>();
    /** Cases whose closing came before the rows counted it, still counted open, by caseId. */
    private final Map<String, Closing> closingCases = new HashMap<>();
    /** Cases the rows counted closed before their closing came, by caseId, with when. */
    private final Map<String, Instant> closedInRows = new HashMap<>();
    private ProcessorContext<String, ForecastOutput> context;
    private KeyValueStore<String, ForecastCase> cases;
    private KeyValueStore<String, KpiAlert> alerts;
    private KeyValueStore<String, KpiCounters> rows;
    private KeyValueStore<String, String> spreadTree;
    private boolean spreadAllPending;
    private boolean markedUnspread;

    ForecastTracker(final Targets targets, final ForecastSettings settings, final Organisation organisation,
                    final Duration alertUpdateInterval) {
        this.targets = targets;
        this.settings = settings;
        this.organisation = organisation;
        this.updates = new AtRiskUpdates(alertUpdateInterval);
        this.builtOver = builtOver(organisation);
        this.tree = organisation.fingerprintTag();
        this.spreading = organisation.units().stream().anyMatch(unit -> organisation.hasChildren(unit.id()));
    }

    /** What {@link StoreCatalog#FORECAST_SPREAD_TREE_STORE} holds once every change of the task is spread over the organisation. */
    static String builtOver(final Organisation organisation) {
        return organisation.fingerprint() + " forecast parts";
    }

    @Override
    public void init(final ProcessorContext<String, ForecastOutput> context) {
        this.context = context;
        this.cases = context.getStateStore(StoreCatalog.FORECAST_CASES_STORE);
        this.alerts = context.getStateStore(StoreCatalog.FORECAST_ALERTS_STORE);
        this.rows = context.getStateStore(StoreCatalog.KPI_ROWS_STORE);
        this.spreadTree = context.getStateStore(StoreCatalog.FORECAST_SPREAD_TREE_STORE);
        this.reading = TaskGauge.of(context, ForecastReading.GAUGE);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        casesByUnit.clear();
        unreadUnits.clear();
        alertsByUnit.clear();
        updates.clear();
        changedUnits.clear();
        closingCases.clear();
        closedInRows.clear();
        spreadByUnit.clear();
        listUnitsWithCases();
        reading.record(unreadUnits.size());
        try (KeyValueIterator<String, KpiAlert> all = alerts.all()) {
            all.forEachRemaining(entry -> alertsByUnit.computeIfAbsent(entry.value.unitId(), any -> new HashMap<>())
                .put(rowOf(entry.value), entry.value));
        }
        final String spreadOver = spreadTree.get(TREE);
        spreadAllPending = spreading && !builtOver.equals(spreadOver);
        markedUnspread = NO_TREE.equals(spreadOver);
        context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> checkChanged(Instant.ofEpochMilli(now)));
        context.schedule(settings.recomputeInterval(), PunctuationType.WALL_CLOCK_TIME, now -> checkAll(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(final Record<String, ForecastInput> record) {
        final ForecastInput input = record.value();
        if (input instanceof ForecastInput.CaseChanged changed) {
            apply(changed.unitId(), changed.update(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        } else if (input instanceof ForecastInput.RowChanged row && row.closesCase()) {
            closedInRows(row.unitId(), row.entityId(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        }
        changedUnits.add(input.unitId());
        if (!markedUnspread && !topsOf(input.unitId()).isEmpty()) {
            // one write per pass: a stop before the next pass spreads all again at the start
            spreadTree.put(TREE, NO_TREE);
            markedUnspread = true;
        }
    }

    /**
     * A case's resolution or withdrawal reaches this task twice, from two repartitions read in no set order: in
     * the rows and as the case's closing. Until both have come, the case counts once: it stays open until the
     * rows count it ({@link #closingCases}), and once they do, a late update that says it is open is ignored
     * ({@link #closedInRows}, even when the rows count it before its opening came); so the forecast never counts it
     * twice, nor drops it.
     */
    private void apply(final String unitId, final ForecastCaseUpdate update, final Instant now) {
        final String caseId = update.caseId();
        if (update.open()) {
            if (closedInRows.containsKey(caseId)) {
                return;
            }
            closingCases.remove(caseId);
            final UnitCase next = new UnitCase(update.fieldId(), update.forecastCase());
            final UnitCase previous = casesOf(unitId).put(caseId, next);
            if (previous != null && !previous.fieldId().equals(update.fieldId())) {
                deleteCase(ForecastCaseKeys.format(unitId, previous.fieldId(), caseId));
            }
            cases.put(ForecastCaseKeys.format(unitId, update.fieldId(), caseId), update.forecastCase());
            recounted(unitId, previous, next, now);
            return;
        }
        if (closedInRows.remove(caseId) == null && update.resolvedOrWithdrawn() && isOpen(unitId, caseId, update.fieldId())) {
            closingCases.put(caseId, new Closing(unitId, update.fieldId(), now));
            return;
        }
        remove(unitId, update.fieldId(), caseId, now);
    }

    /** The rows counted the resolution or withdrawal of {@code caseId}. */
    private void closedInRows(final String unitId, final String caseId, final Instant now) {
        final Closing closing = closingCases.remove(caseId);
        if (closing != null) {
            remove(closing.unitId(), closing.fieldId(), caseId, now);
            return;
        }
        final UnitCase open = casesIn(unitId).get(caseId);
        if (open != null) {
            remove(unitId, open.fieldId(), caseId, now);
        }
        // also when its opening has not come yet (a case received and resolved at once): it must not open after this
        closedInRows.put(caseId, now);
    }

    private boolean isOpen(final String unitId, final String caseId, final String fieldId) {
        final UnitCase open = casesIn(unitId).get(caseId);
        return open != null && open.fieldId().equals(fieldId);
    }

    private void remove(final String unitId, final String fieldId, final String caseId, final Instant now) {
        read(unitId);
        final Map<String, UnitCase> unitCases = casesByUnit.get(unitId);
        final UnitCase previous = unitCases == null ? null : unitCases.get(caseId);
        if (previous != null && previous.fieldId().equals(fieldId)) {
            unitCases.remove(caseId);
            if (unitCases.isEmpty()) {
                casesByUnit.remove(unitId);
            }
            recounted(unitId, previous, null, now);
        }
        deleteCase(ForecastCaseKeys.format(unitId, fieldId, caseId));
    }

    /**
     * Deletes a case from {@link StoreCatalog#FORECAST_CASES_STORE} by writing null: {@code delete} would read the
     * old value back and decode it, for nothing (a closing of every case; measured in docs/BENCHMARKS.md,
     * "Allocation per event").
     */
    private void deleteCase(final String key) {
        cases.put(key, null);
    }

    /**
     * Tells the verdict stage, in this task, how a case it counts open by reception time changed in
     * {@link StoreCatalog#FORECAST_CASES_STORE}: taken back under the reception time it was kept with ({@code before},
     * null when it was not kept), counted under the one it is kept with now ({@code after}, null when it is no longer
     * kept). The verdict tracker reads a unit's counts from the store when it first needs them and follows these
     * records after, which it reads within this call, once the store holds {@code after}: its counts are always the store's,
     * whichever repartition record moved it (an update, the rows' closing, a stale closing forgotten), and a closing
     * of a case that was never kept takes nothing back.
     */
    private void recounted(final String unitId, final UnitCase before, final UnitCase after, final Instant now) {
        final Instant receivedBefore = before == null ? null : before.forecastCase().receivedAt();
        final Instant receivedAfter = after == null ? null : after.forecastCase().receivedAt();
        if (before != null && after != null && Objects.equals(receivedBefore, receivedAfter)) {
            return;
        }
        if (before != null) {
            context.forward(new Record<>(unitId, new ForecastOutput.OpenCase(new OpenCaseChange(false, receivedBefore)),
                now.toEpochMilli()));
        }
        if (after != null) {
            context.forward(new Record<>(unitId, new ForecastOutput.OpenCase(new OpenCaseChange(true, receivedAfter)),
                now.toEpochMilli()));
        }
    }

    /**
     * Forgets the halves of a closing whose other half has not come within a pass: the rows count a resolution
     * whose case never opened (its reception came after it), and in-flight records take milliseconds, not minutes.
     */
    private void forgetStaleClosings(final Instant now) {
        final Instant before = now.minus(settings.recomputeInterval());
        closedInRows.values().removeIf(at -> at.isBefore(before));
        final List<Map.Entry<String, Closing>> stale = closingCases.entrySet().stream()
            .filter(entry -> entry.getValue().at().isBefore(before)).toList();
        stale.forEach(entry -> {
            closingCases.remove(entry.getKey());
            remove(entry.getValue().unitId(), entry.getValue().fieldId(), entry.getKey(), now);
        });
    }

    private void checkChanged(final Instant now) {
        if (spreadAllPending) {
            spreadAll(now);
        }
        final List<String> units = List.copyOf(changedUnits);
        changedUnits.clear();
        units.forEach(unit -> judge(unit, now));
        readMore();
        if (markedUnspread) {
            spreadTree.put(TREE, builtOver);
            markedUnspread = false;
        }
    }

    /** Reads units not read yet until {@link #CASES_READ_PER_CHECK} cases are read or none is left. */
    private void readMore() {
        int casesRead = 0;
        while (casesRead < CASES_READ_PER_CHECK && !unreadUnits.isEmpty()) {
            final String unitId = unreadUnits.iterator().next();
            read(unitId);
            casesRead += casesByUnit.getOrDefault(unitId, Map.of()).size();
        }
    }

    /**
     * Judges every unit of the task's rows, open cases (read or not yet) and alerts: nothing being spread since the
     * start, each unit's spread is whole, and a unit without open cases takes its parts out of its subtrees.
     */
    private void spreadAll(final Instant now) {
        final Set<String> units = new TreeSet<>(casesByUnit.keySet());
        units.addAll(unreadUnits);
        units.addAll(alertsByUnit.keySet());
        try (KeyValueIterator<String, KpiCounters> all = rows.all()) {
            all.forEachRemaining(row -> units.add(KpiRowKeyFormat.parse(row.key).unitId()));
        }
        changedUnits.removeAll(units);
        units.forEach(unit -> judge(unit, now));
        spreadAllPending = false;
        spreadTree.put(TREE, builtOver);
        markedUnspread = false;
    }

    private void checkAll(final Instant now) {
        forgetStaleClosings(now);
        final Set<String> units = new TreeSet<>(casesByUnit.keySet());
        units.addAll(unreadUnits);
        units.addAll(alertsByUnit.keySet());
        spreadByUnit.forEach((unit, spread) -> {
            if (!spread.isEmpty()) {
                units.add(unit);
            }
        });
        changedUnits.removeAll(units);
        units.forEach(unit -> judge(unit, now));
    }

    /**
     * Judges the unit's rows that may be at risk (the current periods' rows of the fields with open cases, and
     * the {@code *} rows) and those with an open forecast alert (to resolve them, at the latest when their
     * period ends). A row with no open case is never at risk: its forecast is its value.
     */
    private void judge(final String unitId, final Instant now) {
        final Map<String, UnitCase> unitCases = casesIn(unitId);
        final UnitProjections projections = UnitProjections.of(unitId, unitCases.values(), now, settings.maxDrivingCases());
        spread(unitId, projections, now);
        final Map<KpiRowKey, KpiAlert> open = alertsByUnit.getOrDefault(unitId, Map.of());
        final Set<KpiRowKey> judged = new TreeSet<>(open.keySet());
        if (settings.alertsEnabled()) {
            for (final Period period : projections.periods()) {
                projections.fields().forEach(field -> judged.add(new KpiRowKey(unitId, field, period.toString())));
            }
        }
        for (final KpiRowKey row : judged) {
            judgeRow(row, projections, unitCases, open.get(row), now);
        }
    }

    private void judgeRow(final KpiRowKey row, final UnitProjections projections, final Map<String, UnitCase> unitCases,
                          final KpiAlert previous, final Instant now) {
        final KpiCounters stored = rows.get(KpiRowKeyFormat.format(row));
        final KpiCounters counters = stored == null ? KpiCounters.ZERO : stored;
        final KpiStatus status = KpiStatus.of(Kpi.ON_TIME_RATE, counters, targets.target(Kpi.ON_TIME_RATE, row),
            targets.minVolume(row));
        final Optional<OnTimeForecast> forecast = settings.alertsEnabled()
            ? RowForecasts.of(row, counters, projections, targets, now) : Optional.empty();
        ForecastAlertLifecycle.next(previous, row, status, forecast, drivingCases(row, forecast, unitCases), now)
            .filter(alert -> updates.writesNow(row, alert, now))
            .ifPresent(alert -> write(row, alert));
    }

    /** The overdue cases that drive the forecast down, at most {@code maxDrivingCases} ({@link UnitProjections} lists no more). */
    private static List<DrivingCase> drivingCases(final KpiRowKey row, final Optional<OnTimeForecast> forecast,
                                                  final Map<String, UnitCase> unitCases) {
        if (forecast.isEmpty()) {
            return List.of();
        }
        final List<DrivingCase> driving = new ArrayList<>();
        for (final String caseId : forecast.get().overdueCaseIds()) {
            driving.add(new DrivingCase(caseId, row.unitId(), unitCases.get(caseId).forecastCase().effectiveDue(), null));
        }
        return driving;
    }

    private void write(final KpiRowKey row, final KpiAlert alert) {
        final String key = alertKey(alert);
        if (alert.state() == AlertState.RESOLVED) {
            alerts.delete(key);
            final Map<KpiRowKey, KpiAlert> open = alertsByUnit.get(row.unitId());
            if (open != null && open.remove(row) != null && open.isEmpty()) {
                alertsByUnit.remove(row.unitId());
            }
        } else {
            alerts.put(key, alert);
            alertsByUnit.computeIfAbsent(row.unitId(), any -> new HashMap<>()).put(row, alert);
        }
        context.forward(new Record<>(key, new ForecastOutput.Alert(alert), alert.triggeredAt().toEpochMilli()));
    }

    /**
     * Sends the projections of the unit's rows of the current periods that changed since it last spread them, in one
     * record, to the top unit of every subtree that counts it, with those of ended periods and of rows whose cases
     * closed taken out; all of them, whole, at the unit's first spread since the task started.
     */
    private void spread(final String unitId, final UnitProjections projections, final Instant now) {
        final List<String> tops = topsOf(unitId);
        if (tops.isEmpty()) {
            return;
        }
        final Map<KpiRowKey, ForecastProjection> after = new HashMap<>();
        for (final Period period : projections.periods()) {
            for (final String field : projections.fields()) {
                final KpiRowKey row = new KpiRowKey(unitId, field, period.toString());
                final ForecastProjection projection = projections.projection(row);
                if (!projection.isNone()) {
                    after.put(row, projection);
                }
            }
        }
        final Map<KpiRowKey, ForecastProjection> before = spreadByUnit.get(unitId);
        final SortedMap<KpiRowKey, ForecastProjection> sent = new TreeMap<>();
        if (before == null) {
            sent.putAll(after);
        } else {
            after.forEach((row, projection) -> {
                if (!projection.equals(before.get(row))) {
                    sent.put(row, projection);
                }
            });
            before.keySet().stream().filter(row -> !after.containsKey(row))
                .forEach(row -> sent.put(row, ForecastProjection.NONE));
            if (sent.isEmpty()) {
                return;
            }
        }
        spreadByUnit.put(unitId, after);
        final ForecastParts parts = new ForecastParts(tree, unitId, before == null, Collections.unmodifiableSortedMap(sent));
        tops.forEach(top -> context.forward(new Record<>(top, new ForecastOutput.Spread(parts), now.toEpochMilli())));
    }

    private List<String> topsOf(final String unitId) {
        return topsByUnit.computeIfAbsent(unitId, organisation::subtreesCounting);
    }

    /** The unit's open cases, to change them. */
    private Map<String, UnitCase> casesOf(final String unitId) {
        read(unitId);
        return casesByUnit.computeIfAbsent(unitId, any -> new HashMap<>());
    }

    /** The unit's open cases, to read them. */
    private Map<String, UnitCase> casesIn(final String unitId) {
        read(unitId);
        return casesByUnit.getOrDefault(unitId, Map.of());
    }

    /** Reads the unit's open cases from the store into memory, the first time it is needed since the task started. */
    private void read(final String unitId) {
        if (!unreadUnits.remove(unitId)) {
            return;
        }
        reading.record(unreadUnits.size());
        final Map<String, UnitCase> unitCases = new HashMap<>();
        try (KeyValueIterator<String, ForecastCase> stored = cases.prefixScan(KpiRowKeyFormat.unitPrefix(unitId),
                 new StringSerializer())) {
            stored.forEachRemaining(entry -> unitCases.put(entry.value.caseId(),
                new UnitCase(ForecastCaseKeys.fieldId(entry.key), entry.value)));
        }
        if (!unitCases.isEmpty()) {
            casesByUnit.put(unitId, unitCases);
        }
    }

    /**
     * The units with open cases in the store, into {@link #unreadUnits}: each found by one seek, to the first key past
     * the previous unit's ({@link ForecastCaseKeys#pastUnit}), without reading the cases.
     */
    private void listUnitsWithCases() {
        String from = null;
        while (true) {
            try (KeyValueIterator<String, ForecastCase> rest = from == null ? cases.all() : cases.range(from, null)) {
                if (!rest.hasNext()) {
                    return;
                }
                final String unitId = ForecastCaseKeys.unitId(rest.peekNextKey());
                unreadUnits.add(unitId);
                from = ForecastCaseKeys.pastUnit(unitId);
            }
        }
    }

    @Override
    public void close() {
        reading.remove();
    }

    /** The alert's key on the alerts topics and in the store: {@code ["unit","field","period","onTimeRate","AT_RISK"]}. */
    static String alertKey(final KpiAlert alert) {
        return KpiRowKeyFormat.withKpi(KpiRowKeyFormat.withKpi(KpiRowKeyFormat.format(rowOf(alert)), alert.kpi()),
            alert.kind().name());
    }

    private static KpiRowKey rowOf(final KpiAlert alert) {
        return new KpiRowKey(alert.unitId(), alert.fieldId(), alert.period());
    }

    /** A case closed while the rows have not counted it yet. */
    private record Closing(String unitId, String fieldId, Instant at) {
    }
}
