package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.returned} (đã trả kết quả). */
public record CaseReturned(String eventId, Instant occurredAt, String source, String caseId) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_RETURNED;
    }
}
