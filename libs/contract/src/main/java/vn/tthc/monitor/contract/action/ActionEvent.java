package vn.tthc.monitor.contract.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One record of the corrective-actions topic ({@code tthc-corrective-actions}, key: the alert key as a JSON array,
 * as on the alerts topics): who recorded what about an alert, and when. Events are never changed nor deleted: a
 * correction is a new {@link ActionEventType#RECORDED} event; {@link CorrectiveAction#apply} folds them.
 *
 * @param alertKey    the alert's key ({@code KpiAlert.key()}): {@code ["unit","field","period","kpi"]}, then
 *                    {@code "subtree"} and/or {@code "AT_RISK"}
 * @param eventId     unique per event (a UUID), so that a retried write can be recognised
 * @param by          who: the signed-in user's name, or the e-mail address the signed link was sent to
 * @param cause       RECORDED only: the cause found (nguyên nhân)
 * @param action      RECORDED only: the action decided (biện pháp khắc phục)
 * @param responsible RECORDED only: who carries it out (người chịu trách nhiệm)
 * @param due         RECORDED only: the date it is to be done by (Vietnam's calendar date)
 * @param note        an optional remark, any type
 */
public record ActionEvent(List<String> alertKey, String eventId, ActionEventType type, String by, ActionChannel channel,
                          Instant at, String cause, String action, String responsible, LocalDate due, String note) {

    public ActionEvent {
        alertKey = List.copyOf(alertKey);
    }

    /** The unit of the alert (the key's first element). */
    public String unitId() {
        return alertKey.get(0);
    }
}
