package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * Whether an AT_RISK alert the forecast stage judged is written now: its raise and resolution always, an UPDATED at
 * most once per {@code interval} for a row (the breach alerts' {@code tthc.pipeline.alert-update-interval}). A busy
 * row's forecast and overdue cases move at every judgement, once a second; an UPDATED held back is written at a later
 * judgement if the alert still differs then. Memory only: after a start the first UPDATED of a row is written at once.
 */
final class AtRiskUpdates {

    private final Duration interval;
    private final Map<KpiRowKey, Instant> lastWritten = new HashMap<>();

    AtRiskUpdates(final Duration interval) {
        this.interval = interval;
    }

    /** Whether {@code alert}, judged at {@code now} for {@code row}, is written now; if so, it counts as written. */
    boolean writesNow(final KpiRowKey row, final KpiAlert alert, final Instant now) {
        if (alert.state() == AlertState.UPDATED) {
            final Instant last = lastWritten.get(row);
            if (last != null && now.isBefore(last.plus(interval))) {
                return false;
            }
        }
        if (alert.state() == AlertState.RESOLVED) {
            lastWritten.remove(row);
        } else {
            lastWritten.put(row, now);
        }
        return true;
    }

    void clear() {
        lastWritten.clear();
    }
}
