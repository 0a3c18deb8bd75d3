package vn.tthc.monitor.contract.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * The corrective action of one alert as its events make it ({@link #apply}): who acknowledged it and when, the
 * latest recorded cause, action, person responsible and due date ({@code revision} counts the recordings: above 1 it
 * has been corrected), whether it is done, and every event, oldest first. Nothing is dropped: a correction replaces
 * the current values and its event joins the others.
 */
public record CorrectiveAction(List<String> alertKey, String acknowledgedBy, Instant acknowledgedAt, String cause,
                               String action, String responsible, LocalDate due, String recordedBy, Instant recordedAt,
                               int revision, String completedBy, Instant completedAt, List<ActionEvent> events) {

    /** The most events one alert keeps; a further one is refused ({@link ActionRequest#problems}). */
    public static final int MAX_EVENTS = 200;

    public CorrectiveAction {
        alertKey = List.copyOf(alertKey);
        events = List.copyOf(events);
    }

    public String unitId() {
        return alertKey.get(0);
    }

    /**
     * {@code previous} (null: none yet) with {@code event}: an acknowledgement is kept from the first one (a
     * recording acknowledges too when nothing did); a recording sets the current values and reopens a completed
     * action; a completion marks it done.
     */
    public static CorrectiveAction apply(final CorrectiveAction previous, final ActionEvent event) {
        final CorrectiveAction before = previous != null ? previous
            : new CorrectiveAction(event.alertKey(), null, null, null, null, null, null, null, null, 0, null, null, List.of());
        final List<ActionEvent> events = new ArrayList<>(before.events);
        events.add(event);
        final boolean acknowledged = before.acknowledgedAt != null;
        final String ackBy = acknowledged ? before.acknowledgedBy : event.by();
        final Instant ackAt = acknowledged ? before.acknowledgedAt : event.at();
        return switch (event.type()) {
            case ACKNOWLEDGED -> new CorrectiveAction(before.alertKey, ackBy, ackAt, before.cause, before.action,
                before.responsible, before.due, before.recordedBy, before.recordedAt, before.revision, before.completedBy,
                before.completedAt, events);
            case RECORDED -> new CorrectiveAction(before.alertKey, ackBy, ackAt, event.cause(), event.action(),
                event.responsible(), event.due(), event.by(), event.at(), before.revision + 1, null, null, events);
            case COMPLETED -> new CorrectiveAction(before.alertKey, ackBy, ackAt, before.cause, before.action,
                before.responsible, before.due, before.recordedBy, before.recordedAt, before.revision, event.by(),
                event.at(), events);
        };
    }

    /** Whether a cause, action, person and due date have been recorded. */
    public boolean recorded() {
        return revision > 0;
    }

    /**
     * At {@code now}: done once completed; overdue when recorded, not completed, and {@code now}'s date in Vietnam is
     * after the due date (the due date is a whole day); open otherwise.
     */
    public ActionState state(final Instant now) {
        if (completedAt != null) {
            return ActionState.DONE;
        }
        if (due != null && VietnamTime.localDate(now).isAfter(due)) {
            return ActionState.OVERDUE;
        }
        return ActionState.OPEN;
    }
}
