package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.supplement_received} (đã bổ sung): the wait ends; {@code dueAt} is the recomputed appointment or {@code null}. */
public record SupplementReceived(String eventId, Instant occurredAt, String source, String caseId, Instant dueAt) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_SUPPLEMENT_RECEIVED;
    }
}
