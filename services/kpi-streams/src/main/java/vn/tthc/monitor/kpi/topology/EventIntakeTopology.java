package vn.tthc.monitor.kpi.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.event.Event;

/**
 * The way in: reads {@code events} (byte[] key and value as the case systems sent them), writes
 * the invalid ones to {@code rejected} unchanged with the reason in headers, and returns the
 * distinct valid events keyed by their entity's id (caseId, feedbackId or unitId) in the task of
 * the events partition they came from, with no repartition between an event and its history.
 *
 * <p>Every delivery of an id with the same key lands in the same partition, so the task drops
 * those repeats itself ({@link #PARTITION_EVENT_IDS_STORE}). An id delivered under two keys is
 * found afterwards, off the events' path: every first delivery also goes, keyed by
 * {@code eventId}, to {@link #EVENT_IDS_STORE}; a later delivery under another key comes back
 * to the task that counted it as a {@linkplain Intake#retracted() retracted} event, to be taken
 * out again. A record whose key is not its entity's id is written back to {@code events} once,
 * under that id, so that the events of one entity always meet in one task.
 */
public final class EventIntakeTopology {

    public static final String REJECTED_COUNTS_STORE = "rejected-counts-store";
    public static final String PARTITION_EVENT_IDS_STORE = "partition-event-ids-store";
    public static final String EVENT_IDS_STORE = "event-ids-store";
    public static final String DUPLICATE_COUNTS_STORE = "duplicate-counts-store";
    public static final String ACCEPTED_COUNTS_STORE = "accepted-counts-store";
    public static final String EVENTS_BY_ID = "events-by-id";
    public static final String RETRACTIONS = "retracted-events-by-entity";

    /**
     * What the intake gives the histories.
     *
     * @param events    the first delivery of each event id in its partition, keyed by entity id
     * @param retracted events counted above but delivered earlier under another key, keyed by entity id
     */
    public record Intake(KStream<String, Event> events, KStream<String, Event> retracted) {
    }

    private final TopicCatalog topics;

    public EventIntakeTopology(final TopicCatalog topics) {
        this.topics = topics;
    }

    public Intake addTo(final StreamsBuilder builder) {
        builder.addStateStore(countsStore(REJECTED_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(countsStore(DUPLICATE_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(countsStore(ACCEPTED_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(countsStore(PARTITION_EVENT_IDS_STORE));
        builder.addStateStore(countsStore(EVENT_IDS_STORE));

        final var routes = builder.stream(topics.events().name(), topics.events().consumed("read-events"))
            .processValues(EventValidator::new, Named.as("validate-events"), REJECTED_COUNTS_STORE)
            .split(Named.as("intake-"))
            .branch((key, intake) -> intake.isRejected(), Branched.as("rejected"))
            .branch((key, intake) -> !intake.isKeyedByEntity(key), Branched.as("misrouted"))
            .defaultBranch(Branched.as("valid"));

        routes.get("intake-rejected")
            .mapValues(IntakeRecord::raw, Named.as("restore-rejected-bytes"))
            .to(topics.rejected().name(), topics.rejected().produced("write-rejected"));

        routes.get("intake-misrouted")
            .map((key, intake) -> KeyValue.pair(intake.event().key().getBytes(StandardCharsets.UTF_8), intake.raw()),
                Named.as("key-by-entity-id"))
            .to(topics.events().name(), topics.events().produced("write-back-under-entity-id"));

        final KStream<String, Event> distinct = routes.get("intake-valid")
            .map((key, intake) -> KeyValue.pair(intake.event().key(), intake.event()), Named.as("unwrap-valid-events"))
            .processValues(PartitionDeduplicator::new, Named.as("drop-repeated-events"),
                PARTITION_EVENT_IDS_STORE, DUPLICATE_COUNTS_STORE, ACCEPTED_COUNTS_STORE);

        final KStream<String, Event> retracted = distinct
            // re-keyed by eventId, so this repartitions: every first delivery of an id, whatever its key, meets here
            .selectKey((key, event) -> event.eventId(), Named.as("key-by-event-id"))
            .repartition(Repartitioned.<String, Event>as(EVENTS_BY_ID)
                .withKeySerde(Serdes.String()).withValueSerde(TopicCatalog.EVENT))
            .process(CrossKeyDuplicateFinder::new, Named.as("find-cross-key-duplicates"), EVENT_IDS_STORE)
            // keyed by entity id again; the topic has as many partitions as events, so each goes back to the task that counted it
            .repartition(Repartitioned.<String, Event>as(RETRACTIONS)
                .withKeySerde(Serdes.String()).withValueSerde(TopicCatalog.EVENT))
            .processValues(RetractionCounter::new, Named.as("count-cross-key-duplicates"),
                DUPLICATE_COUNTS_STORE, ACCEPTED_COUNTS_STORE);
        return new Intake(distinct, retracted);
    }

    /** A store of longs by string key: counts per source, or when an event id was first seen. */
    private static StoreBuilder<KeyValueStore<String, Long>> countsStore(final String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
    }
}
