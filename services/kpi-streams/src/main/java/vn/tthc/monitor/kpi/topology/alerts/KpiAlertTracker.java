package vn.tthc.monitor.kpi.topology.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.alert.KpiAlertLifecycle;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Judges each KPI of each changed row against its target and keeps the alert lifecycle: a KPI that
 * enters breach is {@code RAISED} and one that leaves it {@code RESOLVED}, both written at once; a
 * change while in breach only marks the open alert, which is judged again and written as
 * {@code UPDATED}, if anything changed, once per {@code updateInterval} from the row's latest
 * counters (a breached row of a busy unit changes with nearly every event). Open alerts live in
 * {@link StoreCatalog#KPI_ALERTS_STORE}, mirrored in memory so that a row change costs no store
 * read; a task that starts writes its open alerts once more, to the compacted alerts topic only (no
 * state changed), so that topic converges and the history holds changes alone.
 * The cases counted against each KPI are kept in {@link StoreCatalog#KPI_ALERT_DRIVERS_STORE}. An alert
 * of a period that has ended (wall clock) is stale. When to raise, update and resolve, and whether an
 * alert is stale, are the contract's {@link KpiAlertLifecycle} rules.
 * <p>
 * The same tracker judges subtree rows in their own task ({@link AlertScope#SUBTREE}): their open alerts in
 * {@link StoreCatalog#SUBTREE_ALERTS_STORE}, no driving cases, and the children that drive each alert from
 * {@link StoreCatalog#SUBTREE_CHILDREN_STORE}, looked up only when an alert is written.
 */
final class KpiAlertTracker implements Processor<String, RowOutput.Changes, String, KpiAlert> {

    private static final Kpi[] KPIS = Kpi.values();

    private final Targets targets;
    private final Duration updateInterval;
    private final AlertScope scope;
    /** The open alerts by row key ({@link KpiRowKeyFormat}, as the change names it) and KPI id: no alert key is built to look one up. */
    private final Map<String, Map<String, KpiAlert>> openByRow = new HashMap<>();
    /** The open alerts whose row changed since the last update, by alert key. */
    private final Map<String, PendingUpdate> pendingUpdates = new LinkedHashMap<>();
    /** Each row's targets and minVolume (they depend on the row's unit and field only) and its alert keys, resolved once. */
    private final Map<String, RowTargets> rowTargets = new HashMap<>();
    private ProcessorContext<String, KpiAlert> context;
    private KeyValueStore<String, KpiAlert> alerts;
    private KeyValueStore<String, DrivingIds> drivers;
    private KeyValueStore<String, KpiCounters> children;
    private KeyValueStore<String, KpiCounters> rows;
    private boolean rewriteOpen = true;

    KpiAlertTracker(final Targets targets, final Duration updateInterval, final AlertScope scope) {
        this.targets = targets;
        this.updateInterval = updateInterval;
        this.scope = scope;
    }

    @Override
    public void init(final ProcessorContext<String, KpiAlert> context) {
        this.context = context;
        this.alerts = context.getStateStore(scope.alertsStore());
        this.drivers = scope.driversStore() == null ? null : context.getStateStore(scope.driversStore());
        this.children = scope.childrenStore() == null ? null : context.getStateStore(scope.childrenStore());
        this.rows = context.getStateStore(scope.rowsStore());
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        openByRow.clear();
        pendingUpdates.clear();
        rewriteOpen = true;
        try (KeyValueIterator<String, KpiAlert> all = alerts.all()) {
            all.forEachRemaining(alert -> markOpen(rowKey(alert.value), alert.value));
        }
        context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, now -> writeUpdates());
    }

    @Override
    public void process(final Record<String, RowOutput.Changes> record) {
        for (final RowOutput.Change change : record.value().rows()) {
            rowChanged(change, record.value().entityId(), record.timestamp());
        }
    }

    private void rowChanged(final RowOutput.Change change, final String entityId, final long timestamp) {
        final String row = change.row();
        final RowTargets judged = rowTargets.computeIfAbsent(row, any -> RowTargets.of(targets, change.key(), row, scope));
        for (final Kpi kpi : KPIS) {
            final long againstChange = against(kpi, change.after()) - against(kpi, change.before());
            final KpiAlert previous = openAlert(row, kpi.id());
            final boolean breached = judged.isBreached(kpi, change.after());
            if (againstChange == 0 && previous == null && !breached) {
                continue;
            }
            final String key = judged.alertKey(kpi);
            final DrivingIds updatedDrivers = againstChange == 0 ? null : updateDrivers(key, entityId, againstChange);
            // no change of state: an alert still in breach is judged again at the next update
            final KpiAlertLifecycle.OnChange onChange = KpiAlertLifecycle.onChange(previous, breached);
            if (onChange != KpiAlertLifecycle.OnChange.WRITE_NOW) {
                if (onChange == KpiAlertLifecycle.OnChange.AT_NEXT_UPDATE) {
                    pendingUpdates.put(key, new PendingUpdate(row, change.key(), kpi, timestamp));
                }
                continue;
            }
            if (!breached) {
                pendingUpdates.remove(key);
            }
            final DrivingIds driving = updatedDrivers != null ? updatedDrivers : storedDrivers(key);
            next(previous, row, change.key(), judged.status(kpi, change.after()), driving, timestamp)
                .ifPresent(alert -> write(row, key, alert));
        }
    }

    private DrivingIds updateDrivers(final String key, final String entityId, final long againstChange) {
        if (drivers == null) {
            return DrivingIds.NONE;
        }
        final DrivingIds after = storedDrivers(key).apply(entityId, againstChange);
        if (after.ids().isEmpty()) {
            drivers.delete(key);
        } else {
            drivers.put(key, after);
        }
        return after;
    }

    private DrivingIds storedDrivers(final String key) {
        if (drivers == null) {
            return DrivingIds.NONE;
        }
        final DrivingIds stored = drivers.get(key);
        return stored == null ? DrivingIds.NONE : stored;
    }

    /** Writes the open alerts that changed since the last time; after a start, every open alert once. */
    private void writeUpdates() {
        pendingUpdates.forEach(this::update);
        if (rewriteOpen) {
            openByRow.forEach((row, open) -> open.forEach((kpi, alert) ->
                context.forward(record(scope.alertKey(row, kpi), alert), scope.writeAlertsName())));
        }
        rewriteOpen = false;
        pendingUpdates.clear();
    }

    /** Judges an open alert's row again: an alert still in breach that changed is stored and written as UPDATED. */
    private void update(final String key, final PendingUpdate pending) {
        final KpiAlert previous = openAlert(pending.row(), pending.kpi().id());
        final KpiCounters counters = rows.get(pending.row());
        if (previous == null || counters == null) {
            return;
        }
        final KpiStatus status = rowTargets.get(pending.row()).status(pending.kpi(), counters);
        next(previous, pending.row(), pending.rowKey(), status, storedDrivers(key), pending.timestamp())
            .ifPresent(updated -> write(pending.row(), key, updated));
    }

    private void write(final String row, final String key, final KpiAlert alert) {
        if (alert.state() == AlertState.RESOLVED) {
            alerts.delete(key);
            markResolved(row, alert);
        } else {
            alerts.put(key, alert);
            markOpen(row, alert);
        }
        forward(key, alert);
    }

    private void forward(final String key, final KpiAlert alert) {
        context.forward(record(key, alert));
    }

    /** An alert record, stamped with its triggering event's time. */
    private static Record<String, KpiAlert> record(final String key, final KpiAlert alert) {
        return new Record<>(key, alert, alert.triggeredAt().toEpochMilli());
    }

    private KpiAlert openAlert(final String row, final String kpi) {
        final Map<String, KpiAlert> open = openByRow.get(row);
        return open == null ? null : open.get(kpi);
    }

    private void markOpen(final String row, final KpiAlert alert) {
        openByRow.computeIfAbsent(row, any -> new HashMap<>()).put(alert.kpi(), alert);
    }

    private void markResolved(final String row, final KpiAlert alert) {
        final Map<String, KpiAlert> open = openByRow.get(row);
        if (open != null && open.remove(alert.kpi()) != null && open.isEmpty()) {
            openByRow.remove(row);
        }
    }

    private static String rowKey(final KpiAlert alert) {
        return KpiRowKeyFormat.format(new KpiRowKey(alert.unitId(), alert.fieldId(), alert.period()));
    }

    /** The next alert record by the contract's lifecycle, judged at the wall clock and stamped with its event's time. */
    private Optional<KpiAlert> next(final KpiAlert previous, final String rowText, final KpiRowKey row,
                                    final KpiStatus status, final DrivingIds driving, final long eventTime) {
        return KpiAlertLifecycle.next(previous, new KpiAlertLifecycle.Observation(row, scope.scope(), status,
            driving.ids(), drivingChildren(rowText, status.kpi()), Instant.ofEpochMilli(eventTime)),
            Instant.ofEpochMilli(context.currentSystemTimeMs()));
    }

    /** On a subtree row: the children with the most bad outcomes of {@code kpi} in their part of the row; else none. */
    private List<DrivingChild> drivingChildren(final String rowText, final Kpi kpi) {
        if (children == null) {
            return List.of();
        }
        final Map<String, Long> badByChild = new HashMap<>();
        try (KeyValueIterator<String, KpiCounters> parts =
                 children.prefixScan(KpiRowKeyFormat.partsPrefix(rowText), new StringSerializer())) {
            parts.forEachRemaining(part -> badByChild.put(KpiRowKeyFormat.lastPart(part.key), against(kpi, part.value)));
        }
        return DrivingChild.worst(badByChild);
    }

    /** An open alert's row changed at {@code timestamp} (the latest change's event time) and is to be judged again. */
    private record PendingUpdate(String row, KpiRowKey rowKey, Kpi kpi, long timestamp) {
    }

    /** A row's target per KPI, its minVolume, and the key of each KPI's alert (a row changes many times a second). */
    private record RowTargets(Map<Kpi, BigDecimal> targets, int minVolume, Map<Kpi, String> alertKeys) {

        static RowTargets of(final Targets targets, final KpiRowKey row, final String rowText, final AlertScope scope) {
            final Map<Kpi, BigDecimal> byKpi = new EnumMap<>(Kpi.class);
            final Map<Kpi, String> keys = new EnumMap<>(Kpi.class);
            for (final Kpi kpi : KPIS) {
                byKpi.put(kpi, targets.target(kpi, row));
                keys.put(kpi, scope.alertKey(rowText, kpi.id()));
            }
            return new RowTargets(byKpi, targets.minVolume(row), keys);
        }

        String alertKey(final Kpi kpi) {
            return alertKeys.get(kpi);
        }

        boolean isBreached(final Kpi kpi, final KpiCounters counters) {
            return KpiStatus.isBreached(kpi, counters, targets.get(kpi), minVolume);
        }

        KpiStatus status(final Kpi kpi, final KpiCounters counters) {
            return KpiStatus.of(kpi, counters, targets.get(kpi), minVolume);
        }
    }

    /** The cases counted against a KPI: its volume less its numerator (late, dissatisfied, not online, feedback late). */
    private static long against(final Kpi kpi, final KpiCounters counters) {
        return kpi.volume(counters) - kpi.numerator(counters);
    }
}
