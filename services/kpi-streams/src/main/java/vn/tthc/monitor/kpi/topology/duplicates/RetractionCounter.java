package vn.tthc.monitor.kpi.topology.duplicates;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.topology.DeliveryCounts;

/** An event found to repeat an id delivered under another key was counted accepted: it counts as a duplicate now. */
final class RetractionCounter implements FixedKeyProcessor<String, Event, Event> {

    private FixedKeyProcessorContext<String, Event> context;
    private DeliveryCounts counts;

    @Override
    public void init(final FixedKeyProcessorContext<String, Event> context) {
        this.context = context;
        this.counts = DeliveryCounts.of(context);
    }

    @Override
    public void process(final FixedKeyRecord<String, Event> record) {
        counts.retracted(record.value());
        context.forward(record);
    }
}
