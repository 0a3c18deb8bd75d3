package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.extended} (xin lỗi, hẹn lại): an apology letter with a new appointment, which does not move the due time. */
public record CaseExtended(String eventId, Instant occurredAt, String source, String caseId, Instant dueAt) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_EXTENDED;
    }
}
