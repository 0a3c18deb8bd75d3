package vn.tthc.monitor.contract.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.alert.CaseWarning;

/**
 * What the due-time watch keeps of an open case: its effective due time, whether it waits on the
 * citizen, the due time it was last warned about for each kind of warning, so that each warning
 * goes out once per case and due time (a new due time after a pause warns again), and when the
 * watch will look at it next ({@code alarm}, {@code null} for never).
 */
public record OpenCase(String caseId, String unitId, String fieldId, String procedureId, Instant effectiveDue,
                       boolean waitingOnCitizen, Instant dueSoonWarnedFor, Instant overdueWarnedFor, Instant alarm) {

    /** The watch state of an assessed case, carrying over the warnings already given; {@code null} when it is not open. */
    public static OpenCase of(final CaseAssessment assessment, final OpenCase previous) {
        if (!assessment.isOpen()) {
            return null;
        }
        return new OpenCase(assessment.caseId(), assessment.reception().unitId(), assessment.reception().fieldId(),
            assessment.reception().procedureId(), assessment.effectiveDue(), assessment.isWaitingOnCitizen(),
            previous == null ? null : previous.dueSoonWarnedFor(), previous == null ? null : previous.overdueWarnedFor(),
            previous == null ? null : previous.alarm());
    }

    public boolean isOverdueAt(final Instant now) {
        return !waitingOnCitizen && now.isAfter(effectiveDue);
    }

    public boolean isDueSoonAt(final Instant now, final DueSoonWindow window) {
        return !waitingOnCitizen && !now.isAfter(effectiveDue) && !now.isBefore(window.opensAt(effectiveDue));
    }

    /** The warnings due at {@code now} that have not been given for the current due time; OVERDUE supersedes DUE_SOON. */
    public List<CaseWarning.Kind> warningsAt(final Instant now, final DueSoonWindow window) {
        final List<CaseWarning.Kind> warnings = new ArrayList<>();
        if (isOverdueAt(now) && !effectiveDue.equals(overdueWarnedFor)) {
            warnings.add(CaseWarning.Kind.OVERDUE);
        } else if (isDueSoonAt(now, window) && !effectiveDue.equals(dueSoonWarnedFor)) {
            warnings.add(CaseWarning.Kind.DUE_SOON);
        }
        return warnings;
    }

    public OpenCase warned(final CaseWarning.Kind kind) {
        return kind == CaseWarning.Kind.OVERDUE
            ? new OpenCase(caseId, unitId, fieldId, procedureId, effectiveDue, waitingOnCitizen, dueSoonWarnedFor, effectiveDue,
                alarm)
            : new OpenCase(caseId, unitId, fieldId, procedureId, effectiveDue, waitingOnCitizen, effectiveDue, overdueWarnedFor,
                alarm);
    }

    public OpenCase withAlarm(final Instant at) {
        return new OpenCase(caseId, unitId, fieldId, procedureId, effectiveDue, waitingOnCitizen, dueSoonWarnedFor,
            overdueWarnedFor, at);
    }

    /**
     * When the watch should look at the case next, by the rules: the opening of the due-soon window if that
     * warning is still to come, else just after the due time if the overdue one is; {@code null}
     * when nothing is to come (all given, or the case waits on the citizen).
     */
    public Instant nextAlarm(final DueSoonWindow window) {
        if (waitingOnCitizen) {
            return null;
        }
        if (!effectiveDue.equals(dueSoonWarnedFor) && !effectiveDue.equals(overdueWarnedFor)) {
            return window.opensAt(effectiveDue);
        }
        if (!effectiveDue.equals(overdueWarnedFor)) {
            return effectiveDue.isAfter(Instant.MAX.minusMillis(1)) ? Instant.MAX : effectiveDue.plusMillis(1);
        }
        return null;
    }

    public CaseWarning warning(final CaseWarning.Kind kind, final Instant now) {
        return new CaseWarning(kind, caseId, unitId, fieldId, procedureId, effectiveDue, now);
    }
}
