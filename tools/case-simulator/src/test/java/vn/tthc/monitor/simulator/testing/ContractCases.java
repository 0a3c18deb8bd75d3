package vn.tthc.monitor.simulator.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.ingest.client.event.IngestEvent;
import vn.tthc.monitor.simulator.sink.EventJson;

/** Simulated events read back through the contract's parser, and cases judged by the contract's case clock. */
public final class ContractCases {

    private final Map<String, CaseHistory> cases = new HashMap<>();

    /** The event as the contract reads it; fails the test when the parser rejects it. */
    public static Event parse(final IngestEvent event) {
        final ParseResult result = EventParser.parse(EventJson.bytes(event));
        if (result instanceof ParseResult.Rejected rejected) {
            throw new AssertionError("rejected: " + rejected.reason() + " in " + new String(EventJson.bytes(event),
                java.nio.charset.StandardCharsets.UTF_8));
        }
        return ((ParseResult.Valid) result).event();
    }

    public void add(final IngestEvent event) {
        if (parse(event) instanceof CaseEvent caseEvent) {
            cases.merge(caseEvent.caseId(), CaseHistory.empty(caseEvent.caseId()).with(caseEvent), (a, b) -> a.with(caseEvent));
        }
    }

    public void addAll(final List<IngestEvent> events) {
        events.forEach(this::add);
    }

    public List<CaseAssessment> assessments() {
        return cases.values().stream().map(CaseClock::assess).toList();
    }
}
