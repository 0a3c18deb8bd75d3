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
    /** The open alerts by row key ({@link KpiRowKeyFormat}, the record key) and KPI id: no alert key is built to look one up. */
    private final Map<String, Map<String, KpiAlert>> openByRow = new HashMap<>();
    private final Map<String, KpiAlert> pendingUpdates = new LinkedHashMap<>();
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
            all.forEachRemaining(alert -> markOpen(rowKey(alert.value), alert.value));
        }
        context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, now -> writeUpdates());
    }

    @Override
    public void process(final Record<String, RowOutput.Change> record) {
        final RowOutput.Change change = record.value();
        final String row = record.key();
        for (final KpiStatus status : targets.statuses(change.key(), change.after())) {
            final long againstChange = against(status.kpi(), change.after()) - against(status.kpi(), change.before());
            final KpiAlert previous = openAlert(row, status.kpi().id());
            if (againstChange == 0 && previous == null && !status.breached()) {
                continue;
            }
            final String key = KpiRowKeyFormat.withKpi(row, status.kpi().id());
            final DrivingIds updatedDrivers = againstChange == 0 ? null : updateDrivers(key, change.entityId(), againstChange);
            if (previous == null && !status.breached()) {
                continue;
            }
            final DrivingIds driving = updatedDrivers != null ? updatedDrivers
                : previous != null ? new DrivingIds(previous.drivingIds()) : storedDrivers(key);
            if (previous == null) {
                write(row, key, alert(change.key(), status, AlertState.RAISED, driving, null, record.timestamp()));
            } else if (!status.breached()) {
                pendingUpdates.remove(key);
                write(row, key, alert(change.key(), status, AlertState.RESOLVED, driving, previous, record.timestamp()));
            } else if (!sameAs(previous, status, driving)) {
                final KpiAlert updated = alert(change.key(), status, AlertState.UPDATED, driving, previous, record.timestamp());
                markOpen(row, updated);
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
        if (rewriteOpen) {
            openByRow.forEach((row, open) -> open.forEach((kpi, alert) -> forward(KpiRowKeyFormat.withKpi(row, kpi), alert)));
        } else {
            pendingUpdates.forEach(this::forward);
        }
        rewriteOpen = false;
        pendingUpdates.clear();
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
        context.forward(new Record<>(key, alert, alert.triggeredAt().toEpochMilli()));
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
