package vn.tthc.monitor.kpi.actions;

import java.time.Instant;
import java.util.List;
import vn.tthc.monitor.contract.action.ActionState;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.action.CorrectiveAction;

/**
 * A corrective action as the API answers it: the alert key (as a list and as the text of the URL), the unit, the
 * state at the time of the answer with its Vietnamese name, and the action with its events.
 */
public record ActionView(List<String> alertKey, String alertKeyText, String unitId, ActionState state, String stateName,
                         CorrectiveAction action) {

    public static ActionView of(final CorrectiveAction action, final Instant now) {
        final ActionState state = action.state(now);
        return new ActionView(action.alertKey(), AlertKeys.text(action.alertKey()), action.unitId(), state,
            state.vietnamese(), action);
    }
}
