package vn.tthc.monitor.contract.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Period;

/**
 * The lifecycle of the alert on one KPI of one KPI row, as plain rules: from the open alert (or none),
 * the KPI as its row stands ({@link Observation}) and {@code now}, the next alert record or none.
 * A KPI that enters breach is RAISED and one that leaves it RESOLVED, at once; a change while it stays
 * in breach waits for the next update (one per update interval) and is UPDATED only if what the alert
 * says changed. Whether an alert is stale (its period has ended) is decided here, for every reader.
 */
public final class KpiAlertLifecycle {

    /** What a change of a row means for the alert on one of its KPIs. */
    public enum OnChange {
        /** No alert is open and the KPI is not in breach: nothing to write. */
        NOTHING,
        /** The KPI enters or leaves breach: {@link #next} is written at once (RAISED or RESOLVED). */
        WRITE_NOW,
        /**
         * The KPI stays in breach: the alert is judged again by {@link #next} at the next update, once per
         * update interval, from the row's latest figures (a breached row of a busy unit changes with nearly
         * every event, and one UPDATED per interval says as much).
         */
        AT_NEXT_UPDATE
    }

    /**
     * One KPI as its row stands.
     *
     * @param drivingIds  the cases (or feedback ids) counted against the KPI, newest first
     * @param triggeredAt the event time of the row's latest change
     */
    public record Observation(KpiRowKey row, Scope scope, KpiStatus status, List<String> drivingIds,
                              List<DrivingChild> drivingChildren, Instant triggeredAt) {

        /** A KPI of an own row. */
        public Observation(final KpiRowKey row, final KpiStatus status, final List<String> drivingIds,
                           final Instant triggeredAt) {
            this(row, Scope.OWN, status, drivingIds, List.of(), triggeredAt);
        }
    }

    private KpiAlertLifecycle() {
    }

    /**
     * What a change of the row means for its KPI's alert, from whether an alert is open ({@code open},
     * null or RESOLVED when none) and whether the KPI is in breach after the change; cheap, so that a
     * row in no breach and with no open alert costs nothing more.
     */
    public static OnChange onChange(final KpiAlert open, final boolean breached) {
        if (breached != isOpen(open)) {
            return OnChange.WRITE_NOW;
        }
        return breached ? OnChange.AT_NEXT_UPDATE : OnChange.NOTHING;
    }

    /**
     * The next alert record: RAISED (raised {@code now}) when the KPI is in breach and no alert is open;
     * RESOLVED when it is not and one is; UPDATED when it still is and the value, volume, target, driving
     * cases or driving children differ from the open alert's; otherwise none. Stale when the period has ended at {@code now}.
     *
     * @param previous the alert last written for this KPI of this row; null, or RESOLVED, when none is open
     */
    public static Optional<KpiAlert> next(final KpiAlert previous, final Observation observation, final Instant now) {
        final boolean open = isOpen(previous);
        final boolean breached = observation.status().breached();
        if (!open && !breached) {
            return Optional.empty();
        }
        if (open && breached && sameAs(previous, observation)) {
            return Optional.empty();
        }
        final AlertState state = !open ? AlertState.RAISED : breached ? AlertState.UPDATED : AlertState.RESOLVED;
        return Optional.of(alert(observation, state, open ? previous.raisedAt() : now, now));
    }

    /**
     * Whether an alert is stale: its period had ended (wall clock, Vietnam time) when it was written, or has
     * by {@code now}. A stale alert is recorded and queried, but pages no one (a replay of history).
     */
    public static boolean isStale(final KpiAlert alert, final Instant now) {
        return alert.stale() || periodHasEnded(alert.period(), now);
    }

    private static boolean periodHasEnded(final String period, final Instant now) {
        return Period.parse(period).hasEndedAt(now);
    }

    private static boolean isOpen(final KpiAlert alert) {
        return alert != null && alert.state() != AlertState.RESOLVED;
    }

    private static boolean sameAs(final KpiAlert previous, final Observation observation) {
        final KpiStatus status = observation.status();
        return previous.volume() == status.volume() && Objects.equals(previous.value(), status.value())
            && previous.drivingIds().equals(observation.drivingIds())
            && previous.drivingChildren().equals(observation.drivingChildren())
            && previous.target() == status.target().doubleValue();
    }

    private static KpiAlert alert(final Observation observation, final AlertState state, final Instant raisedAt,
                                  final Instant now) {
        final KpiRowKey row = observation.row();
        final KpiStatus status = observation.status();
        return new KpiAlert(row.unitId(), row.fieldId(), row.period(), status.kpi().id(), state,
            periodHasEnded(row.period(), now), status.value(), status.target().doubleValue(), status.volume(),
            status.minVolume(), status.headroom(), observation.drivingIds(), raisedAt, observation.triggeredAt(),
            observation.scope(), AlertKind.BREACH, status.allowance(), status.toRecover(), status.recoverable(), null,
            observation.drivingChildren(), List.of());
    }
}
