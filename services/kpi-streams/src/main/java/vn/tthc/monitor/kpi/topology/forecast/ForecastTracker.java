package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * ({@link ForecastProjection}) and, when a projection changed since it last spread it
 * ({@link StoreCatalog#FORECAST_SPREAD_STORE}), sends it to the top unit of each subtree that counts the unit
 * ({@link Organisation#subtreesCounting}), for the subtree rows' forecast ({@link SubtreeForecastTracker}); the
 * projection of an ended period, or of a row whose cases all closed, is taken out ({@link ForecastProjection#NONE}).
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

    private final Targets targets;
    private final ForecastSettings settings;
    private final Organisation organisation;
    private final AtRiskUpdates updates;
    /** Each unit's subtrees: their top units, resolved once. */
    private final Map<String, List<String>> topsByUnit = new HashMap<>();
    /** What each unit last spread to its subtrees, by row. */
    private final Map<String, Map<KpiRowKey, ForecastSpread>> spreadByUnit = new HashMap<>();
    /**
     * Each unit's open cases by caseId (hashed: a unit of a province holds a hundred thousand, looked up on every
     * change), of the units read from the store.
     */
    private final Map<String, Map<String, UnitCase>> casesByUnit = new HashMap<>();
    /** The units whose open cases the store holds and memory does not yet: read when first needed ({@link #read}). */
    private final Set<String> unreadUnits = new HashSet<>();
    /** {@link #unreadUnits}' size as a metric: the progress of the reading after a start. */
    private ForecastReading reading;
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
    private KeyValueStore<String, ForecastSpread> spreads;

    ForecastTracker(final Targets targets, final ForecastSettings settings, final Organisation organisation,
                    final Duration alertUpdateInterval) {
        this.targets = targets;
        this.settings = settings;
        this.organisation = organisation;
        this.updates = new AtRiskUpdates(alertUpdateInterval);
    }

    @Override
    public void init(final ProcessorContext<String, ForecastOutput> context) {
        this.context = context;
        this.cases = context.getStateStore(StoreCatalog.FORECAST_CASES_STORE);
        this.alerts = context.getStateStore(StoreCatalog.FORECAST_ALERTS_STORE);
        this.rows = context.getStateStore(StoreCatalog.KPI_ROWS_STORE);
        this.spreads = context.getStateStore(StoreCatalog.FORECAST_SPREAD_STORE);
        this.reading = ForecastReading.of(context);
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
        try (KeyValueIterator<String, ForecastSpread> all = spreads.all()) {
            all.forEachRemaining(entry -> spreadByUnit.computeIfAbsent(entry.value.unitId(), any -> new HashMap<>())
                .put(KpiRowKeyFormat.parse(entry.key), entry.value));
        }
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
                cases.delete(ForecastCaseKeys.format(unitId, previous.fieldId(), caseId));
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
        cases.delete(ForecastCaseKeys.format(unitId, fieldId, caseId));
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
        final List<String> units = List.copyOf(changedUnits);
        changedUnits.clear();
        units.forEach(unit -> judge(unit, now));
        readMore();
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

    private void checkAll(final Instant now) {
        forgetStaleClosings(now);
        final Set<String> units = new TreeSet<>(casesByUnit.keySet());
        units.addAll(unreadUnits);
        units.addAll(alertsByUnit.keySet());
        units.addAll(spreadByUnit.keySet());
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
     * Sends the projections of the unit's rows of the current periods that changed since it last spread them to the
     * top unit of every subtree that counts it, and takes out those of ended periods and of rows whose cases closed.
     */
    private void spread(final String unitId, final UnitProjections projections, final Instant now) {
        final List<String> tops = topsByUnit.computeIfAbsent(unitId, organisation::subtreesCounting);
        final Map<KpiRowKey, ForecastSpread> before = spreadByUnit.getOrDefault(unitId, Map.of());
        if (tops.isEmpty() && before.isEmpty()) {
            return;
        }
        final Map<KpiRowKey, ForecastSpread> after = new TreeMap<>();
        if (!tops.isEmpty()) {
            for (final Period period : projections.periods()) {
                for (final String field : projections.fields()) {
                    final KpiRowKey row = new KpiRowKey(unitId, field, period.toString());
                    final ForecastProjection projection = projections.projection(row);
                    if (!projection.isNone()) {
                        after.put(row, new ForecastSpread(unitId, field, period.toString(), projection, organisation.fingerprint()));
                    }
                }
            }
        }
        final Set<KpiRowKey> rowsSpread = new TreeSet<>(before.keySet());
        rowsSpread.addAll(after.keySet());
        for (final KpiRowKey row : rowsSpread) {
            final ForecastSpread previous = before.get(row);
            final ForecastSpread next = after.get(row);
            if (next != null && next.equals(previous)) {
                continue;
            }
            final ForecastSpread sent = next != null ? next : previous.removed();
            tops.forEach(top -> context.forward(new Record<>(top, new ForecastOutput.Spread(sent), now.toEpochMilli())));
            final String key = KpiRowKeyFormat.format(row);
            if (next != null) {
                spreads.put(key, next);
                spreadByUnit.computeIfAbsent(unitId, any -> new HashMap<>()).put(row, next);
            } else {
                spreads.delete(key);
                final Map<KpiRowKey, ForecastSpread> unitSpread = spreadByUnit.get(unitId);
                unitSpread.remove(row);
                if (unitSpread.isEmpty()) {
                    spreadByUnit.remove(unitId);
                }
            }
        }
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
