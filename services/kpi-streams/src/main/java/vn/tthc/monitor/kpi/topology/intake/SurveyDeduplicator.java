package vn.tthc.monitor.kpi.topology.intake;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.topology.DeliveryCounts;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Passes the first delivery of each survey's {@code eventId} in this partition of the events and
 * drops the others, whatever their content (EVENTS.md section 1), counting both per source
 * system. Surveys are keyed by unitId, so every delivery of an id under the same key meets here;
 * the cross-key duplicate stage (topology.duplicates) finds those under another key.
 */
final class SurveyDeduplicator implements FixedKeyProcessor<String, Event, Event> {

    private FixedKeyProcessorContext<String, Event> context;
    private KeyValueStore<String, Long> seenEventIds;
    private DeliveryCounts counts;

    @Override
    public void init(final FixedKeyProcessorContext<String, Event> context) {
        this.context = context;
        this.seenEventIds = context.getStateStore(StoreCatalog.SURVEY_IDS_STORE);
        this.counts = DeliveryCounts.of(context);
    }

    @Override
    public void process(final FixedKeyRecord<String, Event> record) {
        if (seenEventIds.putIfAbsent(record.value().eventId(), context.currentSystemTimeMs()) != null) {
            counts.duplicate(record.value());
            return;
        }
        counts.accepted(record.value());
        context.forward(record);
    }
}
