package vn.tthc.monitor.kpi.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Targets;

/**
 * Judges each KPI of each changed row against its target and keeps the alert lifecycle: a KPI that
 * enters breach is {@code RAISED} and one that leaves it {@code RESOLVED}, both written at once; a
 * change while in breach makes the open alert {@code UPDATED}, written at most once per
 * {@code updateInterval} with its latest values (a breached row of a busy unit changes with nearly
 * every event). Open alerts live in {@link KpiAlertTopology#ALERTS_STORE}, mirrored in memory so
 * that a row change costs no store read; a task that starts writes its open alerts once, so the
 * compacted alerts topic converges. The cases counted against each KPI are kept in
 * {@link KpiAlertTopology#DRIVERS_STORE}. An alert of a period that has ended (wall clock) is stale.
 */
final class KpiAlertTracker implements Processor<String, RowOutput.Change, String, KpiAlert> {

    private final Targets targets;
    private final Duration updateInterval;
    private final Map<String, KpiAlert> open = new HashMap<>();
    private final Map<String, KpiAlert> pendingUpdates = new LinkedHashMap<>();
    /** How many alerts of each row (key {@link KpiRowKeyFormat}) are open: a row with none needs no alert key built. */
    private final Map<String, Integer> openPerRow = new HashMap<>();
    private ProcessorContext<String, KpiAlert> context;
    private KeyValueStore<String, KpiAlert> alerts;
    private KeyValueStore<String, DrivingIds> drivers;
    private boolean rewriteOpen = true;

    KpiAlertTracker(final Targets targets, final Duration updateInterval) {
        this.targets = targets;
        this.updateInterval = updateInterval;
    }

    @Override
    public void init(final ProcessorContext<String, KpiAlert> context) {
        this.context = context;
        this.alerts = context.getStateStore(KpiAlertTopology.ALERTS_STORE);
        this.drivers = context.getStateStore(KpiAlertTopology.DRIVERS_STORE);
        try (KeyValueIterator<String, KpiAlert> all = alerts.all()) {
            all.forEachRemaining(alert -> markOpen(alert.key, alert.value));
        }
        context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, now -> writeUpdates());
    }

    @Override
    public void process(final Record<String, RowOutput.Change> record) {
        final RowOutput.Change change = record.value();
        final boolean rowHasOpenAlerts = openPerRow.containsKey(record.key());
        for (final KpiStatus status : targets.statuses(change.key(), change.after())) {
            final long againstChange = against(status.kpi(), change.after()) - against(status.kpi(), change.before());
            if (againstChange == 0 && !rowHasOpenAlerts && !status.breached()) {
                continue;
            }
            final String key = KpiRowKeyFormat.withKpi(record.key(), status.kpi().id());
            final DrivingIds updatedDrivers = againstChange == 0 ? null : updateDrivers(key, change.entityId(), againstChange);
            final KpiAlert previous = open.get(key);
            if (previous == null && !status.breached()) {
                continue;
            }
            final DrivingIds driving = updatedDrivers != null ? updatedDrivers
                : previous != null ? new DrivingIds(previous.drivingIds()) : storedDrivers(key);
            if (previous == null) {
                write(key, alert(change.key(), status, AlertState.RAISED, driving, null, record.timestamp()));
            } else if (!status.breached()) {
                pendingUpdates.remove(key);
                write(key, alert(change.key(), status, AlertState.RESOLVED, driving, previous, record.timestamp()));
            } else if (!sameAs(previous, status, driving)) {
                final KpiAlert updated = alert(change.key(), status, AlertState.UPDATED, driving, previous, record.timestamp());
                open.put(key, updated);
                pendingUpdates.put(key, updated);
            }
        }
    }

    private DrivingIds updateDrivers(final String key, final String entityId, final long againstChange) {
        final DrivingIds after = storedDrivers(key).apply(entityId, againstChange);
        if (after.ids().isEmpty()) {
            drivers.delete(key);
        } else {
            drivers.put(key, after);
        }
        return after;
    }

    private DrivingIds storedDrivers(final String key) {
        final DrivingIds stored = drivers.get(key);
        return stored == null ? DrivingIds.NONE : stored;
    }

    /** Writes the open alerts that changed since the last time; after a start, every open alert once. */
    private void writeUpdates() {
        pendingUpdates.forEach(alerts::put);
        (rewriteOpen ? open : pendingUpdates)
            .forEach((key, alert) -> context.forward(new Record<>(key, alert, alert.triggeredAt().toEpochMilli())));
        rewriteOpen = false;
        pendingUpdates.clear();
    }

    private void write(final String key, final KpiAlert alert) {
        if (alert.state() == AlertState.RESOLVED) {
            alerts.delete(key);
            markResolved(key, alert);
        } else {
            alerts.put(key, alert);
            markOpen(key, alert);
        }
        context.forward(new Record<>(key, alert, alert.triggeredAt().toEpochMilli()));
    }

    private void markOpen(final String key, final KpiAlert alert) {
        if (open.put(key, alert) == null) {
            openPerRow.merge(rowKey(alert), 1, Integer::sum);
        }
    }

    private void markResolved(final String key, final KpiAlert alert) {
        if (open.remove(key) != null) {
            openPerRow.computeIfPresent(rowKey(alert), (row, count) -> count == 1 ? null : count - 1);
        }
    }

    private static String rowKey(final KpiAlert alert) {
        return KpiRowKeyFormat.format(new KpiRowKey(alert.unitId(), alert.fieldId(), alert.period()));
    }

    private KpiAlert alert(final KpiRowKey row, final KpiStatus status, final AlertState state, final DrivingIds driving,
                           final KpiAlert previous, final long eventTime) {
        final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        return new KpiAlert(row.unitId(), row.fieldId(), row.period(), status.kpi().id(), state,
            Period.parse(row.period()).hasEndedAt(now), status.value(), status.target().doubleValue(), status.volume(),
            status.minVolume(), status.headroom(), driving.ids(), previous == null ? now : previous.raisedAt(),
            Instant.ofEpochMilli(eventTime));
    }

    private static boolean sameAs(final KpiAlert previous, final KpiStatus status, final DrivingIds driving) {
        return previous.volume() == status.volume() && Objects.equals(previous.value(), status.value())
            && previous.drivingIds().equals(driving.ids()) && previous.target() == status.target().doubleValue();
    }

    /** The cases counted against a KPI: its volume less its numerator (late, dissatisfied, not online, feedback late). */
    private static long against(final Kpi kpi, final KpiCounters counters) {
        return kpi.volume(counters) - kpi.numerator(counters);
    }
}
