package vn.tthc.monitor.kpi.topology;

import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.feedback.FeedbackAssessment;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.alerts.KpiAlertTopology;
import vn.tthc.monitor.kpi.topology.duplicates.CrossKeyDuplicateTopology;
import vn.tthc.monitor.kpi.topology.forecast.ForecastTopology;
import vn.tthc.monitor.kpi.topology.history.HistoryTopology;
import vn.tthc.monitor.kpi.topology.intake.EventIntakeTopology;
import vn.tthc.monitor.kpi.topology.opencases.OpenCaseTopology;
import vn.tthc.monitor.kpi.topology.rows.UnitKpiTopology;
import vn.tthc.monitor.kpi.topology.subtree.SubtreeTopology;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictTopology;

/**
 * The whole pipeline, from {@code events} to the KPI rows, alerts and case warnings: intake, case
 * and feedback histories, surveys (which need no state), the check for ids repeated under another
 * key (whose findings go back to the histories and survey counts), the unit KPI rows and their
 * alerts, the subtree rows over the organisation and their alerts, the due-time watch of open cases, the
 * end-of-period forecast with its AT_RISK alerts, and the finality of ended periods with their verdicts.
 * See docs/ARCHITECTURE.md.
 */
public final class KpiPipeline {

    private final TopicCatalog topics;
    private final PipelineSettings settings;
    private final Organisation organisation;

    /** The pipeline without an organisation file: every unit unlisted, no subtree rows. */
    public KpiPipeline(final TopicCatalog topics, final PipelineSettings settings) {
        this(topics, settings, Organisation.of(List.of()));
    }

    public KpiPipeline(final TopicCatalog topics, final PipelineSettings settings, final Organisation organisation) {
        this.topics = topics;
        this.settings = settings;
        this.organisation = organisation;
    }

    /** Adds the pipeline to {@code builder}; returns the valid events (keyed by entity id) for further topologies. */
    public KStream<String, Event> addTo(final StreamsBuilder builder) {
        final KStream<String, Event> events = new EventIntakeTopology(topics).addTo(builder);
        final KStream<String, HistoryChange<CaseAssessment>> casesAdded = HistoryTopology.CASES.track(builder, events);
        final KStream<String, HistoryChange<FeedbackAssessment>> feedbackAdded = HistoryTopology.FEEDBACK.track(builder, events);
        final KStream<String, Event> surveys = events
            .filter((unitId, event) -> event instanceof SurveySubmitted, Named.as("filter-surveys"));

        final KStream<String, Event> retracted = new CrossKeyDuplicateTopology(settings.duplicates()).addTo(builder, casesAdded
            .mapValues(HistoryChange::event, Named.as("counted-case-events"))
            .merge(feedbackAdded.mapValues(HistoryChange::event, Named.as("counted-feedback-events")),
                Named.as("merge-counted-feedback-events"))
            .merge(surveys, Named.as("merge-counted-surveys")));

        final KStream<String, HistoryChange<CaseAssessment>> cases = casesAdded
            .merge(HistoryTopology.CASES.retract(retracted), Named.as("merge-case-retractions"));
        new OpenCaseTopology(topics, settings.dueSoonWindow(), settings.watchInterval(), settings.watchGrace())
            .addTo(builder, cases);
        final KStream<String, KpiChange> caseChanges = HistoryTopology.CASES.kpiChanges(cases);
        final KStream<String, KpiChange> feedbackChanges = HistoryTopology.FEEDBACK.kpiChanges(feedbackAdded
            .merge(HistoryTopology.FEEDBACK.retract(retracted), Named.as("merge-feedback-retractions")));
        final KStream<String, KpiChange> surveyChanges = surveys
            .mapValues(event -> surveyChange((SurveySubmitted) event, true), Named.as("count-surveys"))
            .merge(retracted
                .filter((unitId, event) -> event instanceof SurveySubmitted, Named.as("filter-retracted-surveys"))
                .mapValues(event -> surveyChange((SurveySubmitted) event, false), Named.as("uncount-surveys")),
                Named.as("merge-survey-retractions"));
        final UnitKpiTopology rows = new UnitKpiTopology(topics, settings.targets(), settings.emitInterval());
        final KStream<String, KpiChange> byUnit = rows.byUnit(caseChanges
            .merge(feedbackChanges, Named.as("merge-feedback-changes"))
            .merge(surveyChanges, Named.as("merge-survey-changes")));
        final KStream<String, RowOutput.Changes> rowChanges = rows.sum(builder, byUnit);
        new KpiAlertTopology(topics, settings.targets(), settings.alertUpdateInterval()).addTo(builder, rowChanges);
        // the subtree rows take each unit's changes in the task of its own rows, which they spread all again when the tree changes
        final KStream<String, RowOutput.Changes> subtreeChanges = new SubtreeTopology(topics, settings.targets(),
            settings.emitInterval(), organisation).addTo(builder, byUnit);
        KpiAlertTopology.forSubtreeRows(topics, settings.targets(), settings.alertUpdateInterval()).addTo(builder, subtreeChanges);
        final KStream<String, OpenCaseChange> openCases = new ForecastTopology(topics, settings.targets(),
            settings.forecast(), organisation, settings.alertUpdateInterval())
            .addTo(builder, cases, rowChanges, subtreeChanges);
        new VerdictTopology(topics, settings.targets(), settings.verdicts(), organisation)
            .addTo(builder, openCases, rowChanges, subtreeChanges);
        return events;
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
