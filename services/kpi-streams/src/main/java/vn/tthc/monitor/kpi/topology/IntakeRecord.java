package vn.tthc.monitor.kpi.topology;

import vn.tthc.monitor.contract.event.ParseResult;

/** A record of the events topic with what validation made of it; {@code raw} is kept for the dead-letter topic. */
record IntakeRecord(byte[] raw, ParseResult result) {

    boolean isRejected() {
        return result instanceof ParseResult.Rejected;
    }

    vn.tthc.monitor.contract.event.Event event() {
        return ((ParseResult.Valid) result).event();
    }
}
