package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.received} (được tiếp nhận): opens a case and fixes its unit, field and due time. */
public record CaseReceived(String eventId, Instant occurredAt, String source, String caseId, String unitId, String fieldId, String procedureId, Channel channel, boolean onlineEligible, Instant dueAt) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_RECEIVED;
    }
}
