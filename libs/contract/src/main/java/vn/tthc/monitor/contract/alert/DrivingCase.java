package vn.tthc.monitor.contract.alert;

import java.time.Instant;

/**
 * A case that drives an alert, with what a head needs to chase it: the unit that holds it (a descendant's, on a
 * subtree row), its effective due time, and when it was closed (null while it is open).
 */
public record DrivingCase(String caseId, String unitId, Instant effectiveDue, Instant closedAt) {
}
