package vn.tthc.monitor.kpi.topology.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.ParseResult;

/** A record of the events topic with what validation made of it; {@code raw} is kept for the dead-letter topic. */
record IntakeRecord(byte[] raw, ParseResult result) {

    boolean isRejected() {
        return result instanceof ParseResult.Rejected;
    }

    Event event() {
        return ((ParseResult.Valid) result).event();
    }

    /** Whether the record's key is its event's entity id (caseId, feedbackId or unitId) as EVENTS.md section 1 asks. */
    boolean isKeyedByEntity(final byte[] key) {
        return key != null && Arrays.equals(key, event().key().getBytes(StandardCharsets.UTF_8));
    }
}
