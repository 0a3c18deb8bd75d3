package vn.tthc.monitor.kpi.topology;

import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.Targets;

/**
 * The whole KPI pipeline, from {@code events} to {@code kpiRows}: intake, case and feedback
 * histories, surveys (which need no state), and the unit KPI rows. See docs/ARCHITECTURE.md.
 */
public final class KpiPipeline {

    private final TopicCatalog topics;
    private final Targets targets;
    private final Duration emitInterval;

    public KpiPipeline(final TopicCatalog topics, final Targets targets, final Duration emitInterval) {
        this.topics = topics;
        this.targets = targets;
        this.emitInterval = emitInterval;
    }

    /** Adds the pipeline to {@code builder}; returns the distinct valid events for further topologies. */
    public KStream<String, Event> addTo(final StreamsBuilder builder) {
        final KStream<String, Event> events = new EventIntakeTopology(topics).addTo(builder);
        final KStream<String, KpiContribution> caseChanges = HistoryTopology.CASES.addTo(builder, events);
        final KStream<String, KpiContribution> feedbackChanges = HistoryTopology.FEEDBACK.addTo(builder, events);
        final KStream<String, KpiContribution> surveyChanges = events
            .filter((eventId, event) -> event instanceof SurveySubmitted, Named.as("filter-surveys"))
            .mapValues(event -> KpiContribution.of((SurveySubmitted) event), Named.as("count-surveys"));
        new UnitKpiTopology(topics, targets, emitInterval).addTo(builder,
            caseChanges.merge(feedbackChanges, Named.as("merge-feedback-changes"))
                .merge(surveyChanges, Named.as("merge-survey-changes")));
        return events;
    }
}
