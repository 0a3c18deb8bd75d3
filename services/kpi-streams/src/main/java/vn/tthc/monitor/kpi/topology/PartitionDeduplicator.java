package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.event.Event;

/**
 * Passes the first delivery of each {@code eventId} in this partition of the events and drops the
 * others, whatever their content (EVENTS.md section 1), counting both per source system. The
 * events are keyed by their entity's id, so every delivery of an id under the same key meets
 * here; {@link CrossKeyDuplicateFinder} finds those under another key.
 */
final class PartitionDeduplicator implements FixedKeyProcessor<String, Event, Event> {

    private FixedKeyProcessorContext<String, Event> context;
    private KeyValueStore<String, Long> seenEventIds;
    private CountsBySource duplicateCounts;
    private CountsBySource acceptedCounts;

    @Override
    public void init(final FixedKeyProcessorContext<String, Event> context) {
        this.context = context;
        this.seenEventIds = context.getStateStore(EventIntakeTopology.PARTITION_EVENT_IDS_STORE);
        this.duplicateCounts = new CountsBySource(context.getStateStore(EventIntakeTopology.DUPLICATE_COUNTS_STORE));
        this.acceptedCounts = new CountsBySource(context.getStateStore(EventIntakeTopology.ACCEPTED_COUNTS_STORE));
    }

    @Override
    public void process(final FixedKeyRecord<String, Event> record) {
        if (seenEventIds.putIfAbsent(record.value().eventId(), context.currentSystemTimeMs()) != null) {
            duplicateCounts.increment(record.value().source());
            return;
        }
        acceptedCounts.increment(record.value().source());
        context.forward(record);
    }
}
