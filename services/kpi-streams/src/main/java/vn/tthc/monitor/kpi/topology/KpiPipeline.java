package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * The whole pipeline, from {@code events} to the KPI rows, alerts and case warnings: intake, case
 * and feedback histories, surveys (which need no state), the unit KPI rows and their alerts, and
 * the due-time watch of open cases. See docs/ARCHITECTURE.md.
 */
public final class KpiPipeline {

    private final TopicCatalog topics;
    private final PipelineSettings settings;

    public KpiPipeline(final TopicCatalog topics, final PipelineSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    /** Adds the pipeline to {@code builder}; returns the distinct valid events for further topologies. */
    public KStream<String, Event> addTo(final StreamsBuilder builder) {
        final KStream<String, Event> events = new EventIntakeTopology(topics).addTo(builder);
        final KStream<String, HistoryChange<CaseHistory>> cases = HistoryTopology.CASES.addTo(builder, events);
        new OpenCaseTopology(topics, settings.dueSoonWindow(), settings.watchInterval(), settings.watchGrace())
            .addTo(builder, cases);
        final KStream<String, KpiChange> caseChanges = HistoryTopology.CASES.kpiChanges(cases);
        final KStream<String, KpiChange> feedbackChanges =
            HistoryTopology.FEEDBACK.kpiChanges(HistoryTopology.FEEDBACK.addTo(builder, events));
        final KStream<String, KpiChange> surveyChanges = events
            .filter((eventId, event) -> event instanceof SurveySubmitted, Named.as("filter-surveys"))
            .mapValues((eventId, event) -> surveyChange(eventId, (SurveySubmitted) event), Named.as("count-surveys"));
        final KStream<String, RowOutput.Change> rowChanges = new UnitKpiTopology(topics, settings.targets(),
            settings.emitInterval()).addTo(builder, caseChanges
                .merge(feedbackChanges, Named.as("merge-feedback-changes"))
                .merge(surveyChanges, Named.as("merge-survey-changes")));
        new KpiAlertTopology(topics, settings.targets(), settings.emitInterval()).addTo(builder, rowChanges);
        return events;
    }

    /** A survey drives an alert on satisfaction under its case's id when it names one, else under its own. */
    private static KpiChange surveyChange(final String eventId, final SurveySubmitted survey) {
        return new KpiChange(survey.caseId() != null ? survey.caseId() : eventId, KpiContribution.of(survey));
    }
}
