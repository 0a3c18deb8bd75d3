package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.event.Event;

/**
 * Keyed by {@code eventId}: sees the first delivery of each id in every events partition. The
 * first to arrive is the one kept; any later one was delivered under another key (the same key
 * would have met its twin in {@link PartitionDeduplicator}) and is forwarded, keyed by its
 * entity's id, to be taken out where it was counted.
 */
final class CrossKeyDuplicateFinder implements Processor<String, Event, String, Event> {

    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Long> seenEventIds;

    @Override
    public void init(final ProcessorContext<String, Event> context) {
        this.context = context;
        this.seenEventIds = context.getStateStore(EventIntakeTopology.EVENT_IDS_STORE);
    }

    @Override
    public void process(final Record<String, Event> record) {
        if (seenEventIds.putIfAbsent(record.key(), context.currentSystemTimeMs()) != null) {
            context.forward(record.withKey(record.value().key()));
        }
    }
}
