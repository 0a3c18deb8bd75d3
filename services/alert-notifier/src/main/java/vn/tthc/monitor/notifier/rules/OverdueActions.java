package vn.tthc.monitor.notifier.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.action.OverdueActionEscalation;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;

/**
 * The corrective actions (the events of {@code tthc-corrective-actions} folded per alert key with
 * {@link CorrectiveAction#apply}) beside the latest state of each alert, and which actions are due to go to the heads
 * of the unit above ({@link OverdueActionEscalation}): past their due date while the alert is open. Each escalation
 * is returned once here; the ledger keeps it once across restarts and notifiers.
 *
 * <p>{@link NotificationRules} asks only once the inputs are read to where they stood at start.
 */
public final class OverdueActions {

    private final Map<List<String>, CorrectiveAction> actions = new HashMap<>();
    private final Map<List<String>, KpiAlert> alerts = new HashMap<>();
    private final Set<String> returned = new HashSet<>();

    /** An overdue action to escalate, with its alert as it stands (the KPI's figures now). */
    public record Due(OverdueActionEscalation.Escalation escalation, CorrectiveAction action, KpiAlert alert) {
    }

    /** Folds one event into its alert's action. */
    public void onAction(final ActionEvent event) {
        actions.put(event.alertKey(), CorrectiveAction.apply(actions.get(event.alertKey()), event));
    }

    /** Follows an alert's latest state, whatever it is: RESOLVED says the KPI has recovered. */
    public void onAlert(final KpiAlert alert) {
        alerts.put(alert.key(), alert);
    }

    /**
     * The actions of the units {@code owned} overdue at {@code now} with their alert open, not returned before. Those
     * of another notifier's units stay due here, so that this one escalates them should it take the units over.
     */
    public List<Due> due(final Instant now, final Predicate<String> owned) {
        final List<Due> due = new ArrayList<>();
        for (final CorrectiveAction action : actions.values()) {
            final KpiAlert alert = alerts.get(action.alertKey());
            final boolean open = alert != null && alert.state() != AlertState.RESOLVED;
            OverdueActionEscalation.at(action, open, now)
                .filter(escalation -> owned.test(action.unitId()) && returned.add(escalation.identity()))
                .ifPresent(escalation -> due.add(new Due(escalation, action, alert)));
        }
        return due;
    }

    /** Alerts with a corrective action. */
    public int actions() {
        return actions.size();
    }
}
