package vn.tthc.monitor.kpi.deadletter;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the pipeline reads whose key or value cannot be deserialized (the events topic is read
 * as bytes and cannot fail; the internal topics' binary values could, if damaged): the record goes
 * to the dead-letter topic with the reason ({@link DeadLetters}) and the pipeline goes on.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(final Map<String, ?> configs) {
        deadLetters = DeadLetters.configured(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record,
                                final Exception exception) {
        LOG.warn("record {}-{}@{} cannot be read; it goes to the dead-letter topic and the pipeline goes on",
            record.topic(), record.partition(), record.offset(), exception);
        return Response.resume(deadLetters.of(context, record.key(), record.value(), DeadLetterKind.DESERIALIZATION_ERROR,
            exception));
    }
}
