package vn.tthc.monitor.kpi.topology.duplicates;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.serde.EventSerde;

/**
 * A repeated {@code eventId} is a duplicate whatever its content (EVENTS.md section 1), its key
 * too. Repeats under the same key meet their first delivery in its partition and are dropped
 * there; one under another key may sit in another partition, where it is counted at first. This
 * finds those off the events' path: every counted event goes, keyed by {@code eventId}, to
 * {@link StoreCatalog#EVENT_IDS_STORE}, which keeps the first; a later one goes back, keyed by its entity's
 * id, to the task that counted it, to be taken out again (the returned retracted events). Ids are kept for
 * {@link DuplicateSettings#eventIdRetention()} (see {@link CrossKeyDuplicateFinder}).
 */
public final class CrossKeyDuplicateTopology {

    public static final String EVENTS_BY_ID = "events-by-id";
    public static final String RETRACTIONS = "retracted-events-by-entity";

    private final DuplicateSettings settings;

    public CrossKeyDuplicateTopology(final DuplicateSettings settings) {
        this.settings = settings;
    }

    /** {@code counted}: the events counted in the KPIs, keyed by entity id; returns those to take out again, keyed the same. */
    public KStream<String, Event> addTo(final StreamsBuilder builder, final KStream<String, Event> counted) {
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.EVENT_IDS_STORE));
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.UNVERIFIED_ID_COUNTS_STORE));
        return counted
            // re-keyed by eventId, so this repartitions: every counted delivery of an id, whatever its key, meets here
            .selectKey((key, event) -> event.eventId(), Named.as("key-by-event-id"))
            .repartition(Repartitioned.<String, Event>as(EVENTS_BY_ID)
                .withKeySerde(Serdes.String()).withValueSerde(new EventSerde()))
            .process(() -> new CrossKeyDuplicateFinder(settings), Named.as("find-cross-key-duplicates"),
                StoreCatalog.EVENT_IDS_STORE, StoreCatalog.UNVERIFIED_ID_COUNTS_STORE)
            // keyed by entity id again; Kafka Streams gives this topic as many partitions as the events
            // (the topics upstream of it), so each goes back to the task that counted it
            .repartition(Repartitioned.<String, Event>as(RETRACTIONS)
                .withKeySerde(Serdes.String()).withValueSerde(new EventSerde()))
            .processValues(RetractionCounter::new, Named.as("count-cross-key-duplicates"),
                StoreCatalog.DUPLICATE_COUNTS_STORE, StoreCatalog.ACCEPTED_COUNTS_STORE);
    }
}
