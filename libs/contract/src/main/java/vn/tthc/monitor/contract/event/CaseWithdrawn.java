package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.withdrawn} (công dân rút hồ sơ). */
public record CaseWithdrawn(String eventId, Instant occurredAt, String source, String caseId) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_WITHDRAWN;
    }
}
