package vn.tthc.monitor.kpi.topology.duplicates;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Keyed by {@code eventId}: sees every delivery of an id that was counted in the KPIs, whatever
 * its key. The first is the one kept. A later one cannot be of the first one's entity (there it would
 * have been dropped as a repeat), so it is forwarded, keyed by its entity's id, to be taken out
 * where it was counted.
 */
final class CrossKeyDuplicateFinder implements Processor<String, Event, String, Event> {

    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Long> seenEventIds;

    @Override
    public void init(final ProcessorContext<String, Event> context) {
        this.context = context;
        this.seenEventIds = context.getStateStore(StoreCatalog.EVENT_IDS_STORE);
    }

    @Override
    public void process(final Record<String, Event> record) {
        if (seenEventIds.putIfAbsent(record.key(), context.currentSystemTimeMs()) != null) {
            context.forward(record.withKey(record.value().key()));
        }
    }
}
