package vn.tthc.monitor.kpi.topology.intake;

import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.ParseResult;

/**
 * A record of the events topic with what validation made of it; {@code raw} is kept for the dead-letter topic.
 * {@code keyedByEntity}: the event is valid and the record's key is its entity id (caseId, feedbackId or unitId)
 * as EVENTS.md section 1 asks.
 */
record IntakeRecord(byte[] raw, ParseResult result, boolean keyedByEntity) {

    boolean isRejected() {
        return result instanceof ParseResult.Rejected;
    }

    Event event() {
        return ((ParseResult.Valid) result).event();
    }
}
