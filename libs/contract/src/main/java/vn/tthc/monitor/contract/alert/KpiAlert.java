package vn.tthc.monitor.contract.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.tthc.monitor.contract.kpi.Scope;

/**
 * An alert on one KPI of one KPI row (unit, field, period, scope): the value against its target with the
 * volume, and how far from the line it is. Records of the alerts topics (key: {@link #key()}).
 *
 * @param headroom        late (or dissatisfied, offline, overdue-feedback) cases the period can still absorb
 *                        before crossing the target; negative: how many it has had beyond it; null when the target is 0
 * @param drivingIds      the cases (or feedback ids) counted against the KPI, newest first, at most a few dozen
 * @param stale           the period had ended (wall clock) when the alert was emitted: recorded, not to page anyone
 * @param triggeredAt     the event time of the change that caused this record
 * @param scope           whose cases the row counts: {@code own} (also when absent, as in alerts written before v2)
 *                        or {@code subtree}
 * @param kind            a breach (also when absent) or an end-of-period forecast below target ({@code AT_RISK})
 * @param allowance       the remaining allowance of the row's KPI ({@link vn.tthc.monitor.contract.kpi.KpiStatus}); null when unknown or unlimited
 * @param toRecover       below target: consecutive good outcomes needed to get back; null otherwise
 * @param recoverable     false when the target cannot be met again this period; null when unknown
 * @param forecast        the end-of-period forecast of the on-time rate; null when not computed
 * @param drivingChildren on a subtree row: the children that drive it, worst first, at most three; empty otherwise
 * @param drivingCases    the driving cases with their due times, when known; empty otherwise
 */
public record KpiAlert(String unitId, String fieldId, String period, String kpi, AlertState state, boolean stale,
                       Double value, double target, long volume, int minVolume, Long headroom,
                       List<String> drivingIds, Instant raisedAt, Instant triggeredAt,
                       Scope scope, AlertKind kind, Long allowance, Long toRecover, Boolean recoverable,
                       Double forecast, List<DrivingChild> drivingChildren, List<DrivingCase> drivingCases) {

    public KpiAlert {
        drivingIds = List.copyOf(drivingIds);
        scope = scope == null ? Scope.OWN : scope;
        kind = kind == null ? AlertKind.BREACH : kind;
        drivingChildren = drivingChildren == null ? List.of() : List.copyOf(drivingChildren);
        drivingCases = drivingCases == null ? List.of() : List.copyOf(drivingCases);
    }

    /** An own-row breach alert without the v2 figures (allowance, forecast, driving children and cases). */
    public KpiAlert(final String unitId, final String fieldId, final String period, final String kpi,
                    final AlertState state, final boolean stale, final Double value, final double target,
                    final long volume, final int minVolume, final Long headroom, final List<String> drivingIds,
                    final Instant raisedAt, final Instant triggeredAt) {
        this(unitId, fieldId, period, kpi, state, stale, value, target, volume, minVolume, headroom, drivingIds,
            raisedAt, triggeredAt, Scope.OWN, AlertKind.BREACH, null, null, null, null, List.of(), List.of());
    }

    /**
     * The compacted topic's key: {@code ["unit","field","period","kpi"]} for a breach of an own row (as in v1),
     * with {@code "subtree"} appended for a subtree row and {@code "AT_RISK"} appended for a forecast alert, so
     * that the alerts of one KPI of one row never overwrite each other.
     */
    public List<String> key() {
        final List<String> key = new ArrayList<>(List.of(unitId, fieldId, period, kpi));
        if (scope == Scope.SUBTREE) {
            key.add(scope.wireName());
        }
        if (kind == AlertKind.AT_RISK) {
            key.add(kind.name());
        }
        return List.copyOf(key);
    }
}
