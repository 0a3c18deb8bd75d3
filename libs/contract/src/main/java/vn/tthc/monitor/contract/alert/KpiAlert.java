package vn.tthc.monitor.contract.alert;

import java.time.Instant;
import java.util.List;

/**
 * An alert on one KPI of one KPI row (unit, field, period): the value against its target with the
 * volume, and how far from the line it is. Records of the alerts topics (key: {@link #key()}).
 *
 * @param headroom       late (or dissatisfied, offline, overdue-feedback) cases the period can still absorb
 *                       before crossing the target; negative: how many it has had beyond it; null when the target is 0
 * @param drivingIds     the cases (or feedback ids) counted against the KPI, newest first, at most a few dozen
 * @param stale          the period had ended (wall clock) when the alert was emitted: recorded, not to page anyone
 * @param triggeredAt    the event time of the change that caused this record
 */
public record KpiAlert(String unitId, String fieldId, String period, String kpi, AlertState state, boolean stale,
                       Double value, double target, long volume, int minVolume, Long headroom,
                       List<String> drivingIds, Instant raisedAt, Instant triggeredAt) {

    public KpiAlert {
        drivingIds = List.copyOf(drivingIds);
    }

    /** The compacted topic's key: {@code ["unit","field","period","kpi"]}. */
    public List<String> key() {
        return List.of(unitId, fieldId, period, kpi);
    }
}
