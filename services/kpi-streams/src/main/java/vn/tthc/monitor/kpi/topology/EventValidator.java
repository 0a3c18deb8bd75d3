package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/**
 * Validates each record of the events topic against the contract. A rejected record gets the
 * reason and its source offset as headers and is counted per source system in
 * {@link EventIntakeTopology#REJECTED_COUNTS_STORE}; a valid one keyed by its entity goes on
 * without the headers it came with.
 */
final class EventValidator implements FixedKeyProcessor<byte[], byte[], IntakeRecord> {

    private FixedKeyProcessorContext<byte[], IntakeRecord> context;
    private CountsBySource rejectedCounts;

    @Override
    public void init(final FixedKeyProcessorContext<byte[], IntakeRecord> context) {
        this.context = context;
        this.rejectedCounts = new CountsBySource(context.getStateStore(EventIntakeTopology.REJECTED_COUNTS_STORE));
    }

    @Override
    public void process(final FixedKeyRecord<byte[], byte[]> record) {
        final ParseResult result = EventParser.parse(record.value());
        if (result instanceof ParseResult.Rejected rejected) {
            final RecordMetadata source = context.recordMetadata().orElseThrow();
            RejectionHeaders.add(record.headers(), rejected.reason(), source);
            rejectedCounts.increment(rejected.source());
        }
        final IntakeRecord intake = new IntakeRecord(record.value(), result);
        if (!intake.isRejected() && intake.isKeyedByEntity(record.key())) {
            // an event's headers are not the pipeline's: they would ride on every record made from it
            // (repartitions, outputs) and could take one past the broker's record limit
            context.forward(record.withValue(intake).withHeaders(new RecordHeaders()));
        } else {
            context.forward(record.withValue(intake));
        }
    }
}
