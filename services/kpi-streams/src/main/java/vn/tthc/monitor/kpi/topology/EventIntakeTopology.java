package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.common.serialization.Serdes;
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
 * distinct valid events keyed by {@code eventId}, each first delivery once.
 */
public final class EventIntakeTopology {

    public static final String REJECTED_COUNTS_STORE = "rejected-counts-store";
    public static final String EVENT_IDS_STORE = "event-ids-store";
    public static final String DUPLICATE_COUNTS_STORE = "duplicate-counts-store";
    public static final String ACCEPTED_COUNTS_STORE = "accepted-counts-store";
    public static final String EVENTS_BY_ID = "events-by-id";

    private final TopicCatalog topics;

    public EventIntakeTopology(final TopicCatalog topics) {
        this.topics = topics;
    }

    public KStream<String, Event> addTo(final StreamsBuilder builder) {
        builder.addStateStore(countsStore(REJECTED_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(countsStore(DUPLICATE_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(countsStore(ACCEPTED_COUNTS_STORE).withCachingEnabled());
        builder.addStateStore(countsStore(EVENT_IDS_STORE));

        final var routes = builder.stream(topics.events().name(), topics.events().consumed("read-events"))
            .processValues(EventValidator::new, Named.as("validate-events"), REJECTED_COUNTS_STORE)
            .split(Named.as("intake-"))
            .branch((key, intake) -> intake.isRejected(), Branched.as("rejected"))
            .defaultBranch(Branched.as("valid"));

        routes.get("intake-rejected")
            .mapValues(IntakeRecord::raw, Named.as("restore-rejected-bytes"))
            .to(topics.rejected().name(), topics.rejected().produced("write-rejected"));

        return routes.get("intake-valid")
            .mapValues(IntakeRecord::event, Named.as("unwrap-valid-events"))
            // re-keyed by eventId, so this repartitions: every delivery of an id meets one deduplicator
            .selectKey((key, event) -> event.eventId(), Named.as("key-by-event-id"))
            .repartition(Repartitioned.<String, Event>as(EVENTS_BY_ID)
                .withKeySerde(Serdes.String()).withValueSerde(TopicCatalog.EVENT))
            .processValues(Deduplicator::new, Named.as("drop-duplicate-events"),
                EVENT_IDS_STORE, DUPLICATE_COUNTS_STORE, ACCEPTED_COUNTS_STORE);
    }

    /** A store of longs by string key: counts per source, or when an event id was first seen. */
    private static StoreBuilder<KeyValueStore<String, Long>> countsStore(final String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
    }
}
