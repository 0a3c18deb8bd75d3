package vn.tthc.monitor.kpi.api;

import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Lets the health endpoint show Kafka Streams' task ids: micronaut-kafka puts them in the health
 * details, and Jackson cannot write them on its own.
 */
@Singleton
public class StreamsJsonModule extends SimpleModule {

    public StreamsJsonModule() {
        super("kafka-streams-health");
        addSerializer(TaskId.class, ToStringSerializer.instance);
    }
}
