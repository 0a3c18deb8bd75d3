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

    /** Adds the pipeline to {@code builder}; returns the distinct valid events (keyed by entity id) for further topologies. */
    public KStream<String, Event> addTo(final StreamsBuilder builder) {
        final EventIntakeTopology.Intake intake = new EventIntakeTopology(topics).addTo(builder);
        final KStream<String, HistoryChange<CaseHistory>> cases = HistoryTopology.CASES.addTo(builder, intake);
        new OpenCaseTopology(topics, settings.dueSoonWindow(), settings.watchInterval(), settings.watchGrace())
            .addTo(builder, cases);
        final KStream<String, KpiChange> caseChanges = HistoryTopology.CASES.kpiChanges(cases);
        final KStream<String, KpiChange> feedbackChanges =
            HistoryTopology.FEEDBACK.kpiChanges(HistoryTopology.FEEDBACK.addTo(builder, intake));
        final KStream<String, KpiChange> surveyChanges = intake.events()
            .filter((unitId, event) -> event instanceof SurveySubmitted, Named.as("filter-surveys"))
            .mapValues(event -> surveyChange((SurveySubmitted) event, true), Named.as("count-surveys"))
            .merge(intake.retracted()
                .filter((unitId, event) -> event instanceof SurveySubmitted, Named.as("filter-retracted-surveys"))
                .mapValues(event -> surveyChange((SurveySubmitted) event, false), Named.as("uncount-surveys")),
                Named.as("merge-retracted-surveys"));
        final KStream<String, RowOutput.Change> rowChanges = new UnitKpiTopology(topics, settings.targets(),
            settings.emitInterval()).addTo(builder, caseChanges
                .merge(feedbackChanges, Named.as("merge-feedback-changes"))
                .merge(surveyChanges, Named.as("merge-survey-changes")));
        new KpiAlertTopology(topics, settings.targets(), settings.emitInterval()).addTo(builder, rowChanges);
        return intake.events();
    }

    /**
     * What a survey adds to the KPI rows, or takes out when it is retracted. It drives an alert on
     * satisfaction under its case's id when it names one, else under its own.
     */
    private static KpiChange surveyChange(final SurveySubmitted survey, final boolean counted) {
        final KpiContribution contribution = KpiContribution.of(survey);
        return new KpiChange(survey.caseId() != null ? survey.caseId() : survey.eventId(),
            counted ? contribution : KpiContribution.NONE.minus(contribution));
    }
}
