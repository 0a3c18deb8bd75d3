package vn.tthc.monitor.notifier.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;

/**
 * The open alerts, and which of them have been open longer than {@code escalateAfter} since they
 * were raised. Each alert is due once per raise (per {@code raisedAt}).
 */
public final class EscalationWatch {

    private final Duration escalateAfter;
    private final Map<List<String>, KpiAlert> open = new HashMap<>();
    private final Set<String> escalated = new HashSet<>();

    public EscalationWatch(final Duration escalateAfter) {
        this.escalateAfter = escalateAfter;
    }

    /** Follows an alert's latest state: RAISED and UPDATED keep it open, RESOLVED closes it. */
    public void track(final KpiAlert alert) {
        if (alert.state() == AlertState.RESOLVED) {
            forget(alert);
        } else {
            open.put(alert.key(), alert);
        }
    }

    /** Stops watching an alert (resolved, or stale: its period is over). */
    public void forget(final KpiAlert alert) {
        final KpiAlert removed = open.remove(alert.key());
        if (removed != null) {
            escalated.remove(raise(removed));
        }
    }

    /**
     * The open alerts of the units {@code owned} raised at least {@code escalateAfter} before {@code now} and not
     * returned before. Those of another notifier's units stay due here, so this one escalates them should it die.
     */
    public List<KpiAlert> due(final Instant now, final Predicate<String> owned) {
        final List<KpiAlert> due = new ArrayList<>();
        for (final KpiAlert alert : open.values()) {
            if (!dueAt(alert).isAfter(now) && owned.test(alert.unitId()) && escalated.add(raise(alert))) {
                due.add(alert);
            }
        }
        return due;
    }

    public Instant dueAt(final KpiAlert alert) {
        return alert.raisedAt().plus(escalateAfter);
    }

    public Duration escalateAfter() {
        return escalateAfter;
    }

    public int openAlerts() {
        return open.size();
    }

    private static String raise(final KpiAlert alert) {
        return alert.key() + "@" + alert.raisedAt();
    }
}
