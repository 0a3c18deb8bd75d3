package vn.tthc.monitor.kpi.topology;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
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
 * enters breach is {@code RAISED}, a change while in breach is an {@code UPDATED} alert, leaving
 * breach {@code RESOLVED}. Open alerts live in {@link KpiAlertTopology#ALERTS_STORE} (their keys
 * also in memory, so the usual change, a row in no breach, costs no store read); the cases counted
 * against each KPI in {@link KpiAlertTopology#DRIVERS_STORE}. An alert of a period that has ended
 * by the wall clock is marked stale.
 */
final class KpiAlertTracker implements Processor<String, RowOutput.Change, String, KpiAlert> {

    private final Targets targets;
    private final Set<String> open = new HashSet<>();
    private ProcessorContext<String, KpiAlert> context;
    private KeyValueStore<String, KpiAlert> alerts;
    private KeyValueStore<String, DrivingIds> drivers;

    KpiAlertTracker(final Targets targets) {
        this.targets = targets;
    }

    @Override
    public void init(final ProcessorContext<String, KpiAlert> context) {
        this.context = context;
        this.alerts = context.getStateStore(KpiAlertTopology.ALERTS_STORE);
        this.drivers = context.getStateStore(KpiAlertTopology.DRIVERS_STORE);
        try (KeyValueIterator<String, KpiAlert> all = alerts.all()) {
            all.forEachRemaining(alert -> open.add(alert.key));
        }
    }

    @Override
    public void process(final Record<String, RowOutput.Change> record) {
        final RowOutput.Change change = record.value();
        for (final KpiStatus status : targets.statuses(change.key(), change.after())) {
            final String key = alertKey(change.key(), status.kpi());
            final DrivingIds driving = updateDrivers(key, change, status.kpi());
            if (status.breached() || open.contains(key)) {
                judge(key, change.key(), status, driving, record.timestamp());
            }
        }
    }

    private DrivingIds updateDrivers(final String key, final RowOutput.Change change, final Kpi kpi) {
        final long againstChange = against(kpi, change.after()) - against(kpi, change.before());
        final DrivingIds stored = drivers.get(key);
        final DrivingIds before = stored == null ? DrivingIds.NONE : stored;
        final DrivingIds after = before.apply(change.entityId(), againstChange);
        if (after != before) {
            if (after.ids().isEmpty()) {
                drivers.delete(key);
            } else {
                drivers.put(key, after);
            }
        }
        return after;
    }

    private void judge(final String key, final KpiRowKey row, final KpiStatus status, final DrivingIds driving,
                       final long eventTime) {
        final KpiAlert previous = open.contains(key) ? alerts.get(key) : null;
        final AlertState state = previous == null ? AlertState.RAISED
            : status.breached() ? AlertState.UPDATED : AlertState.RESOLVED;
        if (state == AlertState.UPDATED && sameAs(previous, status, driving)) {
            return;
        }
        final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        final KpiAlert alert = new KpiAlert(row.unitId(), row.fieldId(), row.period(), status.kpi().id(), state,
            Period.parse(row.period()).hasEndedAt(now), status.value(), status.target().doubleValue(), status.volume(),
            status.minVolume(), status.headroom(), driving.ids(),
            previous == null ? now : previous.raisedAt(), Instant.ofEpochMilli(eventTime));
        if (state == AlertState.RESOLVED) {
            alerts.delete(key);
            open.remove(key);
        } else {
            alerts.put(key, alert);
            open.add(key);
        }
        context.forward(new Record<>(key, alert, eventTime));
    }

    private static boolean sameAs(final KpiAlert previous, final KpiStatus status, final DrivingIds driving) {
        return previous.volume() == status.volume() && Objects.equals(previous.value(), status.value())
            && previous.drivingIds().equals(driving.ids()) && previous.target() == status.target().doubleValue();
    }

    /** The cases counted against a KPI: its volume less its numerator (late, dissatisfied, not online, feedback late). */
    private static long against(final Kpi kpi, final KpiCounters counters) {
        return kpi.volume(counters) - kpi.numerator(counters);
    }

    /** The alerts topics' key: {@code ["unit","field","period","kpi"]}. */
    static String alertKey(final KpiRowKey row, final Kpi kpi) {
        return KpiRowKeyFormat.format(row, kpi.id());
    }
}
