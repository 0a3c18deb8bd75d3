package vn.tthc.monitor.kpi.failure;

import java.util.Map;

/**
 * Configuration under which the pipeline fails for real on its first record: every record it writes is
 * larger than the producer's {@code max.request.size} (RecordTooLargeException), and the test hook
 * {@link FailingProductionHandler}, set in place of the dead-letter handler of application.yml, answers
 * FAIL. Nothing in the pipeline absorbs it: the stream thread dies.
 */
public final class FailingPipeline {

    public static final String CAUSE = "org.apache.kafka.common.errors.RecordTooLargeException";

    private FailingPipeline() {
    }

    public static Map<String, Object> properties() {
        return Map.of(
            "kafka.streams.default.producer.max.request.size", "200",
            "kafka.streams.default.production.exception.handler", FailingProductionHandler.class.getName());
    }
}
