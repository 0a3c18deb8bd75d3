package vn.tthc.monitor.kpi.topology.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.Identifiers;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.kpi.topology.CountsBySource;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;

/**
 * Validates each record of the events topic against the contract. A rejected record gets the
 * reason and its source offset as headers and is counted per source system in
 * {@link StoreCatalog#REJECTED_COUNTS_STORE}; a valid one keyed by its entity goes on
 * without the headers it came with; one keyed otherwise is rejected too if it is too large to be
 * written back under its entity id.
 */
final class EventValidator implements FixedKeyProcessor<byte[], byte[], IntakeRecord> {

    /** A record batch's header (61 bytes) and one record's own fields (at most 26 bytes of lengths, delta and attributes). */
    private static final int BATCH_OVERHEAD = 61 + 26;
    /** A header's key and value lengths, at most 5 bytes each. */
    private static final int HEADER_OVERHEAD = 10;

    private FixedKeyProcessorContext<byte[], IntakeRecord> context;
    private CountsBySource rejectedCounts;

    @Override
    public void init(final FixedKeyProcessorContext<byte[], IntakeRecord> context) {
        this.context = context;
        this.rejectedCounts = new CountsBySource(context.getStateStore(StoreCatalog.REJECTED_COUNTS_STORE));
    }

    @Override
    public void process(final FixedKeyRecord<byte[], byte[]> record) {
        final ParseResult parsed = EventParser.parse(record.value());
        final boolean keyedByEntity = parsed instanceof ParseResult.Valid valid && isKeyedByEntity(record.key(), valid.event());
        final ParseResult result = keyedByEntity ? parsed : writableBack(record, parsed);
        if (result instanceof ParseResult.Rejected rejected) {
            final RecordMetadata source = context.recordMetadata().orElseThrow();
            RejectionHeaders.add(record.headers(), rejected.reason(), source);
            rejectedCounts.increment(rejected.source());
        }
        final IntakeRecord intake = new IntakeRecord(record.value(), result, keyedByEntity);
        if (keyedByEntity) {
            // an event's headers are not the pipeline's: they would ride on every record made from it
            // (repartitions, outputs) and could take one past the broker's record limit
            context.forward(record.withValue(intake).withHeaders(new RecordHeaders()));
        } else {
            context.forward(record.withValue(intake));
        }
    }

    /** Whether the record's key is its event's entity id (caseId, feedbackId or unitId) as EVENTS.md section 1 asks. */
    private static boolean isKeyedByEntity(final byte[] key, final Event event) {
        return key != null && Arrays.equals(key, event.key().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A valid event not keyed by its entity id is written back to the events topic under it, a key of up to 512 bytes:
     * one that would then be above the topic's limit is rejected instead, as the broker would refuse the write and,
     * under exactly-once, stop the pipeline.
     */
    private static ParseResult writableBack(final FixedKeyRecord<byte[], byte[]> record, final ParseResult result) {
        if (!(result instanceof ParseResult.Valid valid)) {
            return result;
        }
        final String entityId = valid.event().key();
        final int size = sizeInBatch(entityId.getBytes(StandardCharsets.UTF_8), record.value(), record.headers());
        return size <= TopicCatalog.EVENTS_MAX_MESSAGE_BYTES ? result
            : new ParseResult.Rejected("too large to be written back under its id " + Identifiers.quote(entityId) + ": "
                + size + " bytes, above the events topic's limit of " + TopicCatalog.EVENTS_MAX_MESSAGE_BYTES + " bytes",
                valid.event().eventId(), valid.event().source());
    }

    /** At least the size of a batch holding only this record, as the broker counts it against max.message.bytes. */
    private static int sizeInBatch(final byte[] key, final byte[] value, final Headers headers) {
        int size = BATCH_OVERHEAD + key.length + value.length;
        for (final Header header : headers) {
            size += HEADER_OVERHEAD + header.key().getBytes(StandardCharsets.UTF_8).length
                + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }
}
