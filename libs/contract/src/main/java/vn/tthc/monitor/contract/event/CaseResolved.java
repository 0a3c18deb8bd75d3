package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.resolved} (đã xử lý xong). */
public record CaseResolved(String eventId, Instant occurredAt, String source, String caseId, CaseResult result) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_RESOLVED;
    }
}
