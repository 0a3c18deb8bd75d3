package vn.tthc.monitor.contract.event;

import java.util.Comparator;

/** An event of a case's lifecycle, keyed by {@code caseId}. */
public sealed interface CaseEvent extends Event
    permits CaseReceived, SupplementRequested, SupplementReceived, CaseExtended, CaseResolved, CaseWithdrawn,
    CaseReturned {

    /**
     * The order in which a case's events are taken (EVENTS.md section 2): by {@code occurredAt},
     * then by type in the order of {@link EventType}, then by {@code eventId}.
     */
    Comparator<CaseEvent> CASE_ORDER = Comparator.comparing(CaseEvent::occurredAt)
        .thenComparing(CaseEvent::type)
        .thenComparing(CaseEvent::eventId);

    String caseId();

    @Override
    default String key() {
        return caseId();
    }
}
