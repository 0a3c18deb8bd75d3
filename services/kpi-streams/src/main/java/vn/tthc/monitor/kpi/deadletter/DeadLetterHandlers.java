package vn.tthc.monitor.kpi.deadletter;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings that send every record the pipeline cannot process, read or write to
 * the dead-letter topic and go on. application.yml sets the same under {@code kafka.streams.default}
 * (a test holds it to this); streams built outside Micronaut (tests) take them from here.
 */
public final class DeadLetterHandlers {

    private DeadLetterHandlers() {
    }

    /** The settings, with {@code deadLetterTopic} (the rejected events topic) as the dead-letter topic. */
    public static Map<String, Object> streamsConfig(final String deadLetterTopic) {
        return Map.of(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName(),
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName(),
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName(),
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    }
}
