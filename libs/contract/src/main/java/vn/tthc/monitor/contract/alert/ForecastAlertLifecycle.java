package vn.tthc.monitor.contract.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;

/**
 * The lifecycle of the forecast alert ({@link AlertKind#AT_RISK}, "Dự báo không đạt") on the on-time KPI of one
 * own row (or, {@link #nextForSubtree}, of a subtree row), as plain rules: from the open forecast alert (or none),
 * the row's on-time status, its end-of-period forecast at {@code now} ({@link OnTimeForecast}, empty once the period
 * has ended) and the overdue cases (or children) that drive it, the next alert record or none.
 * <ul>
 *   <li>RAISED when the forecast says {@link OnTimeForecast#atRisk()} and no forecast alert is open;</li>
 *   <li>RESOLVED when one is open and the forecast no longer says so: it recovered, the KPI is already in
 *       breach (the breach alert speaks), the volume fell short, or the period has ended (no forecast);</li>
 *   <li>UPDATED when one is open, the row is still at risk and its driving cases or volume changed;</li>
 *   <li>otherwise none: the same row and period is never raised twice while its alert is open.</li>
 * </ul>
 */
public final class ForecastAlertLifecycle {

    private ForecastAlertLifecycle() {
    }

    /**
     * The next forecast alert record.
     *
     * @param previous     the forecast alert last written for this row; null, or RESOLVED, when none is open
     * @param row          the row (own scope)
     * @param status       the row's on-time status now
     * @param forecast     the row's forecast at {@code now}; empty when the period has ended or nothing is projected
     * @param drivingCases the overdue cases projected as late, oldest due first (already cut to the few to list)
     * @param now          the wall-clock time of the evaluation: raisedAt of a new alert, triggeredAt of every record
     */
    public static Optional<KpiAlert> next(final KpiAlert previous, final KpiRowKey row, final KpiStatus status,
                                          final Optional<OnTimeForecast> forecast, final List<DrivingCase> drivingCases,
                                          final Instant now) {
        return next(previous, row, Scope.OWN, status, forecast, drivingCases, List.of(), now);
    }

    /**
     * The next forecast alert record of a subtree row (EVENTS.md section 6), by the same rules: it names the children
     * that drive it ({@link DrivingChild#worst} of their late and projected overdue cases) and no cases, and is
     * UPDATED when they or the volume change.
     */
    public static Optional<KpiAlert> nextForSubtree(final KpiAlert previous, final KpiRowKey row, final KpiStatus status,
                                                    final Optional<OnTimeForecast> forecast,
                                                    final List<DrivingChild> drivingChildren, final Instant now) {
        return next(previous, row, Scope.SUBTREE, status, forecast, List.of(), drivingChildren, now);
    }

    private static Optional<KpiAlert> next(final KpiAlert previous, final KpiRowKey row, final Scope scope,
                                           final KpiStatus status, final Optional<OnTimeForecast> forecast,
                                           final List<DrivingCase> drivingCases, final List<DrivingChild> drivingChildren,
                                           final Instant now) {
        final boolean open = previous != null && previous.state() != AlertState.RESOLVED;
        final boolean atRisk = forecast.map(OnTimeForecast::atRisk).orElse(false);
        if (!open && !atRisk) {
            return Optional.empty();
        }
        final List<DrivingCase> driving = atRisk ? drivingCases : List.of();
        final List<DrivingChild> children = atRisk ? drivingChildren : List.of();
        if (open && atRisk && previous.drivingCases().equals(driving) && previous.drivingChildren().equals(children)
            && previous.volume() == status.volume()) {
            return Optional.empty();
        }
        final AlertState state = !open ? AlertState.RAISED : atRisk ? AlertState.UPDATED : AlertState.RESOLVED;
        return Optional.of(new KpiAlert(row.unitId(), row.fieldId(), row.period(), status.kpi().id(), state,
            Period.parse(row.period()).hasEndedAt(now), status.value(), status.target().doubleValue(), status.volume(),
            status.minVolume(), status.headroom(), driving.stream().map(DrivingCase::caseId).toList(),
            open ? previous.raisedAt() : now, now, scope, AlertKind.AT_RISK, status.allowance(), status.toRecover(),
            status.recoverable(), forecast.map(OnTimeForecast::expectedRate).orElse(null), children, driving));
    }
}
