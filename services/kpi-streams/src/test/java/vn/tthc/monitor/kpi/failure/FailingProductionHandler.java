package vn.tthc.monitor.kpi.failure;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * The test hook of {@link FailingPipeline}: a production exception handler that answers FAIL to every
 * error, with no dead letter, as no handler of the product does.
 */
public final class FailingProductionHandler implements ProductionExceptionHandler {

    @Override
    public void configure(final Map<String, ?> configs) {
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ProducerRecord<byte[], byte[]> record,
                                final Exception exception) {
        return Response.fail();
    }
}
