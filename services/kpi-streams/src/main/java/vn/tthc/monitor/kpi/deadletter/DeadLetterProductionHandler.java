package vn.tthc.monitor.kpi.deadletter;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result that cannot be written (too large, refused by the broker, not serializable): the
 * record the task read that made it goes to the dead-letter topic with the reason
 * ({@link DeadLetters}) and the pipeline goes on, where Kafka Streams' own handler would stop the
 * application after writing the dead letter. A retriable error is retried. A dead letter that
 * cannot be written itself (counted once already) is logged, not dead-lettered again (that would recurse
 * for ever); its source record stays in its topic at the offset the log names.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(final Map<String, ?> configs) {
        deadLetters = DeadLetters.configured(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ProducerRecord<byte[], byte[]> record,
                                final Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (deadLetters.isDeadLetter(record)) {
            LOG.error("the dead letter of the record {}-{}@{} cannot be written either; the pipeline goes on without it",
                context.topic(), context.partition(), context.offset(), exception);
            return Response.resume();
        }
        LOG.warn("a record for {} made by processor {} from {}-{}@{} cannot be written; the source record goes to the"
            + " dead-letter topic and the pipeline goes on", record.topic(), context.processorNodeId(), context.topic(),
            context.partition(), context.offset(), exception);
        return Response.resume(deadLetters.of(context, DeadLetterKind.PRODUCTION_ERROR, exception));
    }

    @Override
    public Response handleSerializationError(final ErrorHandlerContext context, final ProducerRecord record,
                                             final Exception exception, final SerializationExceptionOrigin origin) {
        LOG.warn("a record for {} made by processor {} from {}-{}@{} cannot be serialized ({}); the source record goes to"
            + " the dead-letter topic and the pipeline goes on", record.topic(), context.processorNodeId(),
            context.topic(), context.partition(), context.offset(), origin, exception);
        return Response.resume(deadLetters.of(context, DeadLetterKind.SERIALIZATION_ERROR, exception));
    }
}
