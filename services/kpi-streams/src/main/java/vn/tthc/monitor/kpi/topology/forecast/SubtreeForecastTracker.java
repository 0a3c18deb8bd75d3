package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.ForecastAlertLifecycle;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * The end-of-period forecast of the subtree rows (EVENTS.md section 6), in the task that sums them: keeps the
 * projections the units of each subtree spread to its top unit ({@link ForecastParts}; whole by unit in
 * {@link StoreCatalog#SUBTREE_FORECAST_PARTS_STORE}, {@code ["top","unit"]}, a part that comes again replacing the
 * unit's part of its row, a whole one all of the unit's; mirrored in memory, rebuilt from the store when the task
 * starts) and
 * judges each subtree row of the current periods by the contract's {@link OnTimeForecast} over the row's counters
 * ({@link StoreCatalog#SUBTREE_ROWS_STORE}) and the sum of its units' projections, and by
 * {@link ForecastAlertLifecycle#nextForSubtree}: every {@code checkInterval} for the top units whose subtree rows or
 * projections changed, and every {@code recomputeInterval} for every top unit with projections or an open alert (the
 * units spread their cases going overdue at least as often). An alert names the children that drive it: the worst
 * three by their late and projected overdue cases ({@link DrivingChild#worst}), from each child's part of the row
 * ({@link StoreCatalog#SUBTREE_CHILDREN_STORE}) and its units' projections. A projection of a unit the organisation
 * no longer places under the top (the file changed) is not counted. Open alerts live in
 * {@link StoreCatalog#SUBTREE_FORECAST_ALERTS_STORE}: a restart restores them and raises none twice.
 */
final class SubtreeForecastTracker implements Processor<String, SubtreeForecastInput, String, KpiAlert> {

    private final Targets targets;
    private final ForecastSettings settings;
    private final Organisation organisation;
    private final AtRiskUpdates updates;
    private final long tree;
    /** Each top unit's projections: by row of the top, by unit. */
    private final Map<String, Map<KpiRowKey, Map<String, ForecastProjection>>> inputsByTop = new HashMap<>();
    /** Each top unit's open AT_RISK alerts by row. */
    private final Map<String, Map<KpiRowKey, KpiAlert>> alertsByTop = new HashMap<>();
    /** The top units whose subtree rows or projections changed since the last check. */
    private final Set<String> changedTops = new LinkedHashSet<>();
    private ProcessorContext<String, KpiAlert> context;
    private KeyValueStore<String, ForecastParts> parts;
    private KeyValueStore<String, KpiAlert> alerts;
    private KeyValueStore<String, KpiCounters> rows;
    private KeyValueStore<String, KpiCounters> children;

    SubtreeForecastTracker(final Targets targets, final ForecastSettings settings, final Organisation organisation,
                           final Duration alertUpdateInterval) {
        this.targets = targets;
        this.settings = settings;
        this.organisation = organisation;
        this.updates = new AtRiskUpdates(alertUpdateInterval);
        this.tree = organisation.fingerprintTag();
    }

    @Override
    public void init(final ProcessorContext<String, KpiAlert> context) {
        this.context = context;
        this.parts = context.getStateStore(StoreCatalog.SUBTREE_FORECAST_PARTS_STORE);
        this.alerts = context.getStateStore(StoreCatalog.SUBTREE_FORECAST_ALERTS_STORE);
        this.rows = context.getStateStore(StoreCatalog.SUBTREE_ROWS_STORE);
        this.children = context.getStateStore(StoreCatalog.SUBTREE_CHILDREN_STORE);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        inputsByTop.clear();
        alertsByTop.clear();
        updates.clear();
        changedTops.clear();
        try (KeyValueIterator<String, ForecastParts> all = parts.all()) {
            all.forEachRemaining(entry -> entry.value.projections().forEach((own, projection) ->
                remember(topOf(entry.key), own, projection)));
        }
        try (KeyValueIterator<String, KpiAlert> all = alerts.all()) {
            all.forEachRemaining(entry -> alertsByTop.computeIfAbsent(entry.value.unitId(), any -> new HashMap<>())
                .put(rowOf(entry.value), entry.value));
        }
        context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> checkChanged(Instant.ofEpochMilli(now)));
        context.schedule(settings.recomputeInterval(), PunctuationType.WALL_CLOCK_TIME, now -> checkAll(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(final Record<String, SubtreeForecastInput> record) {
        if (record.value() instanceof SubtreeForecastInput.Spread spread) {
            if (spread.parts().tree() != tree) {
                // spread over the organisation before a restart with another file: the units spread all again
                return;
            }
            replace(spread.topUnitId(), spread.parts());
        }
        changedTops.add(record.value().topUnitId());
    }

    /** Replaces the unit's parts of the top's rows by those spread (all of them when whole), in memory and in the store. */
    private void replace(final String top, final ForecastParts spread) {
        final String key = partsKey(top, spread.unitId());
        final ForecastParts stored = parts.get(key);
        final SortedMap<KpiRowKey, ForecastProjection> kept = new TreeMap<>();
        if (stored != null) {
            if (spread.whole()) {
                stored.projections().keySet().forEach(own -> forget(top, own));
            } else {
                kept.putAll(stored.projections());
            }
        }
        spread.projections().forEach((own, projection) -> {
            if (projection.isNone()) {
                kept.remove(own);
                forget(top, own);
            } else {
                kept.put(own, projection);
                remember(top, own, projection);
            }
        });
        store(top, spread.unitId(), kept);
    }

    private void store(final String top, final String unitId, final SortedMap<KpiRowKey, ForecastProjection> kept) {
        final String key = partsKey(top, unitId);
        if (kept.isEmpty()) {
            parts.delete(key);
        } else {
            parts.put(key, new ForecastParts(tree, unitId, true, kept));
        }
    }

    /** Counts the unit's projection of its own row in the top's row of the same field and period. */
    private void remember(final String top, final KpiRowKey own, final ForecastProjection projection) {
        inputsByTop.computeIfAbsent(top, any -> new HashMap<>())
            .computeIfAbsent(new KpiRowKey(top, own.fieldId(), own.period()), any -> new TreeMap<>())
            .put(own.unitId(), projection);
    }

    private void forget(final String top, final KpiRowKey own) {
        final Map<KpiRowKey, Map<String, ForecastProjection>> topInputs = inputsByTop.get(top);
        if (topInputs == null) {
            return;
        }
        final KpiRowKey row = new KpiRowKey(top, own.fieldId(), own.period());
        final Map<String, ForecastProjection> units = topInputs.get(row);
        if (units != null && units.remove(own.unitId()) != null && units.isEmpty()) {
            topInputs.remove(row);
            if (topInputs.isEmpty()) {
                inputsByTop.remove(top);
            }
        }
    }

    private void checkChanged(final Instant now) {
        final List<String> tops = List.copyOf(changedTops);
        changedTops.clear();
        tops.forEach(top -> judge(top, now));
    }

    private void checkAll(final Instant now) {
        forgetEndedPeriods(now);
        final Set<String> tops = new TreeSet<>(inputsByTop.keySet());
        tops.addAll(alertsByTop.keySet());
        changedTops.removeAll(tops);
        tops.forEach(top -> judge(top, now));
    }

    /** The projections of ended periods: their units take them out too, unless they left the subtree meanwhile. */
    private void forgetEndedPeriods(final Instant now) {
        for (final Map.Entry<String, Map<KpiRowKey, Map<String, ForecastProjection>>> top : List.copyOf(inputsByTop.entrySet())) {
            final Set<String> units = new TreeSet<>();
            for (final KpiRowKey row : List.copyOf(top.getValue().keySet())) {
                if (!RowForecasts.isCurrent(row.period(), now)) {
                    units.addAll(top.getValue().get(row).keySet());
                }
            }
            for (final String unit : units) {
                final ForecastParts stored = parts.get(partsKey(top.getKey(), unit));
                final SortedMap<KpiRowKey, ForecastProjection> kept = new TreeMap<>(stored.projections());
                for (final KpiRowKey own : stored.projections().keySet()) {
                    if (!RowForecasts.isCurrent(own.period(), now)) {
                        kept.remove(own);
                        forget(top.getKey(), own);
                    }
                }
                store(top.getKey(), unit, kept);
            }
        }
    }

    /** Judges the top unit's subtree rows of the current periods with projections, and those with an open alert. */
    private void judge(final String top, final Instant now) {
        final Map<KpiRowKey, Map<String, ForecastProjection>> topInputs = inputsByTop.getOrDefault(top, Map.of());
        final Map<KpiRowKey, KpiAlert> open = alertsByTop.getOrDefault(top, Map.of());
        final Set<KpiRowKey> judged = new TreeSet<>(open.keySet());
        if (settings.alertsEnabled()) {
            topInputs.keySet().stream().filter(row -> RowForecasts.isCurrent(row.period(), now)).forEach(judged::add);
        }
        for (final KpiRowKey row : judged) {
            judgeRow(row, SubtreeRowForecasts.counted(top, topInputs.getOrDefault(row, Map.of()), organisation), open.get(row),
                now);
        }
    }

    private void judgeRow(final KpiRowKey row, final Map<String, ForecastProjection> units, final KpiAlert previous,
                          final Instant now) {
        final KpiCounters stored = rows.get(KpiRowKeyFormat.format(row));
        final KpiCounters counters = stored == null ? KpiCounters.ZERO : stored;
        final KpiStatus status = KpiStatus.of(Kpi.ON_TIME_RATE, counters, targets.target(Kpi.ON_TIME_RATE, row),
            targets.minVolume(row));
        final Optional<OnTimeForecast> forecast = settings.alertsEnabled()
            ? SubtreeRowForecasts.of(row, counters, units, targets, now) : Optional.empty();
        final List<DrivingChild> driving = forecast.isPresent() && forecast.get().atRisk()
            ? drivingChildren(row, units) : List.of();
        ForecastAlertLifecycle.nextForSubtree(previous, row, status, forecast, driving, now)
            .filter(alert -> updates.writesNow(row, alert, now))
            .ifPresent(alert -> write(row, alert));
    }

    /** The children with the most late and projected overdue cases in their subtrees, worst first. */
    private List<DrivingChild> drivingChildren(final KpiRowKey row, final Map<String, ForecastProjection> units) {
        final Map<String, Long> bad = new TreeMap<>();
        final String rowKey = KpiRowKeyFormat.format(row);
        for (final OrganisationUnit child : organisation.children(row.unitId())) {
            final KpiCounters part = children.get(KpiRowKeyFormat.withPart(rowKey, child.id()));
            if (part != null) {
                bad.put(child.id(), Kpi.ON_TIME_RATE.volume(part) - Kpi.ON_TIME_RATE.numerator(part));
            }
        }
        units.forEach((unit, projection) -> {
            if (!unit.equals(row.unitId())) {
                bad.merge(childOnTheWay(row.unitId(), unit), projection.overdue(), Long::sum);
            }
        });
        return DrivingChild.worst(bad);
    }

    /** The child of {@code top} under which {@code unit} sits (the unit is in the top's subtree and is not the top). */
    private String childOnTheWay(final String top, final String unit) {
        String child = unit;
        for (final OrganisationUnit ancestor : organisation.ancestors(unit)) {
            if (ancestor.id().equals(top)) {
                return child;
            }
            child = ancestor.id();
        }
        throw new IllegalArgumentException(unit + " is not under " + top);
    }

    private void write(final KpiRowKey row, final KpiAlert alert) {
        final String key = alertKey(row);
        if (alert.state() == AlertState.RESOLVED) {
            alerts.delete(key);
            final Map<KpiRowKey, KpiAlert> open = alertsByTop.get(row.unitId());
            if (open != null && open.remove(row) != null && open.isEmpty()) {
                alertsByTop.remove(row.unitId());
            }
        } else {
            alerts.put(key, alert);
            alertsByTop.computeIfAbsent(row.unitId(), any -> new HashMap<>()).put(row, alert);
        }
        context.forward(new Record<>(key, alert, alert.triggeredAt().toEpochMilli()));
    }

    /** The alert's key on the alerts topics and in the store: {@code ["top","field","period","onTimeRate","subtree","AT_RISK"]}. */
    static String alertKey(final KpiRowKey row) {
        return KpiRowKeyFormat.withPart(KpiRowKeyFormat.withPart(
            KpiRowKeyFormat.withKpi(KpiRowKeyFormat.format(row), Kpi.ON_TIME_RATE.id()), Scope.SUBTREE.wireName()),
            AlertKind.AT_RISK.name());
    }

    /** The key of a unit's parts in the store: {@code ["top","unit"]}. */
    static String partsKey(final String top, final String unitId) {
        return KpiRowKeyFormat.withPart(KpiRowKeyFormat.unitPrefix(top), unitId);
    }

    /** The top unit of a key of the store. */
    private static String topOf(final String partsKey) {
        return KpiRowKeyFormat.parse(KpiRowKeyFormat.withPart(partsKey, "")).unitId();
    }

    private static KpiRowKey rowOf(final KpiAlert alert) {
        return new KpiRowKey(alert.unitId(), alert.fieldId(), alert.period());
    }
}
