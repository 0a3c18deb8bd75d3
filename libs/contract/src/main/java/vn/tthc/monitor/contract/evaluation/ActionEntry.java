package vn.tthc.monitor.contract.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import vn.tthc.monitor.contract.action.ActionState;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.kpi.Kpi;

/**
 * The corrective action of one of the period's alerts, as the evaluation lists it: its objective, its state when the
 * report was produced, who acknowledged it, the current cause, action, person responsible and due date, and when it
 * was done. No case ids.
 *
 * @param revisions how many times cause, action, person and date were recorded (above 1: corrected)
 */
public record ActionEntry(String fieldId, Kpi kpi, AlertKind kind, ActionState state, String acknowledgedBy,
                          Instant acknowledgedAt, String cause, String action, String responsible, LocalDate due,
                          int revisions, String completedBy, Instant completedAt) {

    public static ActionEntry of(final CorrectiveAction action, final Instant now) {
        return new ActionEntry(action.alertKey().get(1), Kpi.fromId(action.alertKey().get(3)),
            action.alertKey().contains(AlertKind.AT_RISK.name()) ? AlertKind.AT_RISK : AlertKind.BREACH,
            action.state(now), action.acknowledgedBy(), action.acknowledgedAt(), action.cause(), action.action(),
            action.responsible(), action.due(), action.revision(), action.completedBy(), action.completedAt());
    }
}
