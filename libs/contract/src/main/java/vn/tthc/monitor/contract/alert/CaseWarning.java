package vn.tthc.monitor.contract.alert;

import java.time.Instant;

/**
 * A warning about one open case: it has passed its effective due time ({@link Kind#OVERDUE}, quá
 * hạn) or entered the window before it ({@link Kind#DUE_SOON}, sắp đến hạn). Emitted once per case
 * and effective due time; a case waiting on the citizen gets neither.
 */
public record CaseWarning(Kind kind, String caseId, String unitId, String fieldId, String procedureId,
                          Instant effectiveDue, Instant detectedAt) {

    public enum Kind { OVERDUE, DUE_SOON }
}
