package vn.tthc.monitor.kpi.topology;

import java.time.Instant;

/**
 * What the verdict stage learns from the forecast stage's open cases by unit, in the task of the unit's rows: the
 * case is open (received at {@code receivedAt}; null when the record predates reception times) or no longer open in
 * the unit of the record's key.
 */
public record OpenCaseChange(String caseId, boolean open, Instant receivedAt) {
}
