package vn.tthc.monitor.kpi.query;

import java.time.Duration;
import java.time.Instant;

/** An open case past its effective due time, as the query API lists a unit's overdue cases. */
public record OverdueCase(String caseId, String fieldId, String procedureId, Instant effectiveDue, Duration overdueBy) {
}
