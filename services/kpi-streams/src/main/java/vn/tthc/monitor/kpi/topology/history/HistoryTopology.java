package vn.tthc.monitor.kpi.topology.history;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.feedback.FeedbackAssessment;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.kpi.topology.HistoryChange;
import vn.tthc.monitor.kpi.topology.KpiChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Per-entity state, for cases (key caseId) and for feedback (key feedbackId), in the task of the
 * events' own partition: {@link #track} adds the events of its kind to each entity's history in a
 * store (see {@link HistoryTracker}), {@link #retract} takes out those found to repeat an id
 * delivered under another key, and both return the histories' changes; {@link #kpiChanges} turns
 * them into changes of KPI rows.
 */
public final class HistoryTopology<E extends Event, H, A> {

    /** hồ sơ: the case clock of EVENTS.md section 2. */
    public static final HistoryTopology<CaseEvent, CaseHistory, CaseAssessment> CASES = new HistoryTopology<>(
        "case", StoreCatalog.CASE_HISTORIES_STORE, new Rules<>(CaseEvent.class, HistorySerde.caseHistories(),
        CaseHistory::empty, CaseHistory::with, CaseHistory::without, CaseClock::assess, KpiContribution::of));

    /** PAKN: the feedback rules of EVENTS.md section 1. */
    public static final HistoryTopology<FeedbackEvent, FeedbackHistory, FeedbackAssessment> FEEDBACK = new HistoryTopology<>(
        "feedback", StoreCatalog.FEEDBACK_HISTORIES_STORE, new Rules<>(FeedbackEvent.class, HistorySerde.feedbackHistories(),
        FeedbackHistory::empty, FeedbackHistory::with, FeedbackHistory::without, FeedbackAssessment::assess, KpiContribution::of));

    /** How one kind of entity keeps its history, what the rules make of it, and what that counts in the KPIs. */
    record Rules<E extends Event, H, A>(Class<E> eventType, Serde<H> historySerde, Function<String, H> empty,
                                        BiFunction<H, E, H> add, BiFunction<H, E, H> remove,
                                        Function<H, A> assess, Function<A, KpiContribution> contribution) {
    }

    private final String entity;
    private final String storeName;
    private final Rules<E, H, A> rules;

    private HistoryTopology(final String entity, final String storeName, final Rules<E, H, A> rules) {
        this.entity = entity;
        this.storeName = storeName;
        this.rules = rules;
    }

    public String storeName() {
        return storeName;
    }

    /**
     * Adds each of {@code events} of this kind (keyed by entity id, all events of an entity in one
     * task) to its entity's history, and counts each delivery accepted, duplicate when the history
     * holds its id already, or rejected when the history is full (the record is dead-lettered);
     * returns the histories' changes.
     */
    public KStream<String, HistoryChange<A>> track(final StreamsBuilder builder, final KStream<String, Event> events) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(storeName), Serdes.String(), rules.historySerde()).withCachingEnabled());
        return events
            .filter((id, event) -> rules.eventType().isInstance(event), Named.as("filter-" + entity + "-events"))
            .processValues(() -> HistoryTracker.adding(storeName, rules), Named.as("track-" + entity), storeName,
                StoreCatalog.ACCEPTED_COUNTS_STORE, StoreCatalog.DUPLICATE_COUNTS_STORE,
                StoreCatalog.REJECTED_COUNTS_STORE);
    }

    /** Takes each of {@code retracted} of this kind out of its entity's history again; returns the histories' changes. */
    public KStream<String, HistoryChange<A>> retract(final KStream<String, Event> retracted) {
        return retracted
            .filter((id, event) -> rules.eventType().isInstance(event), Named.as("filter-retracted-" + entity + "-events"))
            .processValues(() -> HistoryTracker.removing(storeName, rules), Named.as("retract-" + entity + "-events"),
                storeName);
    }

    /**
     * What each history change does to the KPI rows: the entity's contribution after minus before (from the
     * assessments the change carries), so a late event subtracts what the entity counted before and adds what it
     * counts now.
     */
    public KStream<String, KpiChange> kpiChanges(final KStream<String, HistoryChange<A>> changes) {
        // one node that drops the changes that change no row (most events of a case), not a map and a filter
        return changes.flatMapValues(change -> {
            final KpiContribution rows = rules.contribution().apply(change.after())
                .minus(rules.contribution().apply(change.before()));
            return rows.isEmpty() ? List.of() : List.of(new KpiChange(change.id(), rows));
        }, Named.as("assess-" + entity));
    }
}
