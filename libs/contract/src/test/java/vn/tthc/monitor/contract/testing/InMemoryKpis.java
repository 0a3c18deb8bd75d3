package vn.tthc.monitor.contract.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tthc.monitor.contract.HistoryFullException;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.feedback.FeedbackAssessment;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.report.KpiReport;

/**
 * The contract's rules applied to a list of lines in memory, with no Kafka: the reference the
 * topologies are held to. Applies each event's change as the pipeline does, so it also checks
 * that summing changes gives the same rows as summing final contributions.
 */
public final class InMemoryKpis {

    private final Set<String> seenEventIds = new HashSet<>();
    private final Map<String, CaseHistory> cases = new HashMap<>();
    private final Map<String, FeedbackHistory> feedback = new HashMap<>();
    private final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
    private long rejected;

    public static KpiReport report(final List<String> lines, final Targets targets) {
        final InMemoryKpis kpis = counted(lines);
        return KpiReport.of(kpis.rows, targets, kpis.rejected);
    }

    /** The report with the subtree rows of {@code organisation} (EVENTS.md section 6). */
    public static KpiReport report(final List<String> lines, final Targets targets, final Organisation organisation) {
        final InMemoryKpis kpis = counted(lines);
        return KpiReport.of(kpis.rows, targets, organisation, kpis.rejected);
    }

    private static InMemoryKpis counted(final List<String> lines) {
        final InMemoryKpis kpis = new InMemoryKpis();
        lines.stream().filter(line -> !line.isBlank()).forEach(kpis::accept);
        return kpis;
    }

    private void accept(final String line) {
        final ParseResult result = EventParser.parse(line.getBytes(StandardCharsets.UTF_8));
        if (result instanceof ParseResult.Rejected) {
            rejected++;
            return;
        }
        final Event event = ((ParseResult.Valid) result).event();
        if (!seenEventIds.add(event.eventId())) {
            return;
        }
        try {
            count(event);
        } catch (final HistoryFullException full) {
            // dead-lettered by the pipeline: counted in rejected, and its id reserves nothing
            seenEventIds.remove(event.eventId());
            rejected++;
        }
    }

    private void count(final Event event) {
        if (event instanceof CaseEvent caseEvent) {
            final CaseHistory before = cases.getOrDefault(caseEvent.caseId(), CaseHistory.empty(caseEvent.caseId()));
            final CaseHistory after = before.with(caseEvent);
            cases.put(caseEvent.caseId(), after);
            apply(KpiContribution.of(CaseClock.assess(after)).minus(KpiContribution.of(CaseClock.assess(before))));
        } else if (event instanceof FeedbackEvent feedbackEvent) {
            final FeedbackHistory before = feedback.getOrDefault(feedbackEvent.feedbackId(),
                FeedbackHistory.empty(feedbackEvent.feedbackId()));
            final FeedbackHistory after = before.with(feedbackEvent);
            feedback.put(feedbackEvent.feedbackId(), after);
            apply(KpiContribution.of(FeedbackAssessment.assess(after)).minus(KpiContribution.of(FeedbackAssessment.assess(before))));
        } else {
            apply(KpiContribution.of((SurveySubmitted) event));
        }
    }

    private void apply(final KpiContribution change) {
        change.rows().forEach((key, counters) -> rows.merge(key, counters, KpiCounters::plus));
    }
}
