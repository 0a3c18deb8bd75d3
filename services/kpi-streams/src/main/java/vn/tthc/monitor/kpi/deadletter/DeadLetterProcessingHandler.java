package vn.tthc.monitor.kpi.deadletter;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.HistoryFullException;

/**
 * Whatever a processor throws while it handles a record: the record the task read goes to the
 * dead-letter topic with the reason ({@link DeadLetters}) and the pipeline goes on with the next
 * one. A full history ({@link HistoryFullException}) is a rule, counted as {@code history_full}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(final Map<String, ?> configs) {
        deadLetters = DeadLetters.configured(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final Record<?, ?> record, final Exception exception) {
        if (exception instanceof HistoryFullException) {
            LOG.debug("dead-lettered {}-{}@{}: {}", context.topic(), context.partition(), context.offset(),
                exception.getMessage());
            return Response.resume(deadLetters.of(context, DeadLetterKind.HISTORY_FULL, exception));
        }
        LOG.warn("processor {} of task {} failed on {}-{}@{}; the record goes to the dead-letter topic and the pipeline"
            + " goes on", context.processorNodeId(), context.taskId(), context.topic(), context.partition(),
            context.offset(), exception);
        return Response.resume(deadLetters.of(context, DeadLetterKind.PROCESSING_ERROR, exception));
    }
}
