package vn.tthc.monitor.contract.event;

import java.time.Instant;

/** {@code case.supplement_requested} (yêu cầu bổ sung): the case waits on the citizen. */
public record SupplementRequested(String eventId, Instant occurredAt, String source, String caseId) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_SUPPLEMENT_REQUESTED;
    }
}
