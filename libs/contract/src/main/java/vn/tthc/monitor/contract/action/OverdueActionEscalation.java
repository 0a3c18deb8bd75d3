package vn.tthc.monitor.contract.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When a corrective action goes to the heads of the unit above (issue 17 point 3: "an action past its date without the
 * KPI having recovered is escalated to the parent's heads"): the action is {@link ActionState#OVERDUE} at {@code now}
 * (recorded, not completed, its due date before today in Vietnam) and its alert is still open (the KPI has not
 * recovered). Each due date is escalated once: a recording with a later date, once that date has passed too, is a
 * new escalation ({@link Escalation#identity}); the same date recorded again is not.
 */
public final class OverdueActionEscalation {

    private OverdueActionEscalation() {
    }

    /**
     * An overdue action to tell the heads of the unit above about.
     *
     * @param due the due date it is past
     */
    public record Escalation(List<String> alertKey, LocalDate due) {

        public Escalation {
            alertKey = List.copyOf(alertKey);
        }

        /** Once per alert and due date, stable across restarts: {@code overdue-action|<alert key JSON>|<due date>}. */
        public String identity() {
            return "overdue-action|" + AlertKeys.text(alertKey) + "|" + due;
        }
    }

    /**
     * The escalation {@code action} calls for at {@code now}, if any.
     *
     * @param action    the alert's action as its events make it ({@link CorrectiveAction#apply}); null: none recorded
     * @param alertOpen whether the alert is still open (its KPI has not recovered)
     */
    public static Optional<Escalation> at(final CorrectiveAction action, final boolean alertOpen, final Instant now) {
        if (action == null || !alertOpen || action.state(now) != ActionState.OVERDUE) {
            return Optional.empty();
        }
        return Optional.of(new Escalation(action.alertKey(), action.due()));
    }
}
