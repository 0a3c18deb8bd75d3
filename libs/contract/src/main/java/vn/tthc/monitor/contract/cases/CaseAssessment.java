package vn.tthc.monitor.contract.cases;

import java.time.Instant;
import java.util.List;
import vn.tthc.monitor.contract.event.CaseReceived;

/**
 * What the rules of EVENTS.md section 2 make of a case's history. {@code reception} is
 * {@code null} when no {@code case.received} has arrived (the case enters no KPI);
 * {@code closing} is {@code null} while the case is open.
 */
public record CaseAssessment(String caseId, CaseReceived reception, Instant effectiveDue, List<Pause> pauses,
                             boolean extended, Closing closing) {

    public CaseAssessment {
        pauses = List.copyOf(pauses);
    }

    public boolean isReceived() {
        return reception != null;
    }

    /** Received, not resolved and not withdrawn. */
    public boolean isOpen() {
        return reception != null && closing == null;
    }

    /** An open case whose supplement request is still open waits on the citizen. */
    public boolean isWaitingOnCitizen() {
        return isOpen() && !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /** đang xử lý quá hạn: open, past its effective due time, and not waiting on the citizen. */
    public boolean isOverdueAt(final Instant now) {
        return isOpen() && !isWaitingOnCitizen() && now.isAfter(effectiveDue);
    }

    public CaseStatus statusAt(final Instant now) {
        if (!isReceived()) {
            return CaseStatus.NOT_RECEIVED;
        }
        if (closing instanceof Closing.Resolution) {
            return CaseStatus.RESOLVED;
        }
        if (closing instanceof Closing.Withdrawal) {
            return CaseStatus.WITHDRAWN;
        }
        if (isWaitingOnCitizen()) {
            return CaseStatus.WAITING_ON_CITIZEN;
        }
        return isOverdueAt(now) ? CaseStatus.OVERDUE : CaseStatus.IN_PROGRESS;
    }
}
