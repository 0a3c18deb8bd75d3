package vn.tthc.monitor.kpi.topology.intake;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;

/**
 * The way in: reads {@code events} (byte[] key and value as the case systems sent them), writes
 * the invalid ones to {@code rejected} unchanged with the reason in headers, and returns the
 * valid events keyed by their entity's id (caseId, feedbackId or unitId) in the task of the
 * events partition they came from, with no repartition between an event and its history.
 *
 * <p>Every delivery of an id under the same key lands in the same partition: the case and
 * feedback histories drop such repeats themselves (a history holds its events' ids), and the
 * surveys, which have no history, are dropped here ({@link StoreCatalog#SURVEY_IDS_STORE});
 * repeats under another key are the cross-key duplicate stage's (topology.duplicates). A record
 * whose key is not its entity's id is written back to {@code events} once, under that id, so that
 * the events of one entity meet in one task.
 */
public final class EventIntakeTopology {

    private final TopicCatalog topics;

    public EventIntakeTopology(final TopicCatalog topics) {
        this.topics = topics;
    }

    /** The valid deliveries keyed by entity id: every one of a case or feedback, the first of a survey's id. */
    public KStream<String, Event> addTo(final StreamsBuilder builder) {
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.REJECTED_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.DUPLICATE_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.ACCEPTED_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.SURVEY_IDS_STORE));

        final var routes = builder.stream(topics.events().name(), topics.events().consumed("read-events"))
            .processValues(EventValidator::new, Named.as("validate-events"), StoreCatalog.REJECTED_COUNTS_STORE)
            .split(Named.as("intake-"))
            .branch((key, intake) -> intake.isRejected(), Branched.as("rejected"))
            .branch((key, intake) -> !intake.keyedByEntity(), Branched.as("misrouted"))
            .defaultBranch(Branched.as("valid"));

        routes.get("intake-rejected")
            .mapValues(IntakeRecord::raw, Named.as("restore-rejected-bytes"))
            .to(topics.rejected().name(), topics.rejected().produced("write-rejected"));

        routes.get("intake-misrouted")
            .map((key, intake) -> KeyValue.pair(intake.event().key().getBytes(StandardCharsets.UTF_8), intake.raw()),
                Named.as("key-by-entity-id"))
            .to(topics.events().name(), topics.events().produced("write-back-under-entity-id"));

        final var kinds = routes.get("intake-valid")
            .map((key, intake) -> KeyValue.pair(intake.event().key(), intake.event()), Named.as("unwrap-valid-events"))
            .split(Named.as("valid-"))
            .branch((key, event) -> event instanceof SurveySubmitted, Branched.as("surveys"))
            .defaultBranch(Branched.as("with-history"));
        return kinds.get("valid-with-history")
            .merge(kinds.get("valid-surveys").processValues(SurveyDeduplicator::new, Named.as("drop-repeated-surveys"),
                StoreCatalog.SURVEY_IDS_STORE, StoreCatalog.DUPLICATE_COUNTS_STORE, StoreCatalog.ACCEPTED_COUNTS_STORE),
                Named.as("merge-distinct-surveys"));
    }
}
