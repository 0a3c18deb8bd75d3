package vn.tthc.monitor.kpi.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import vn.tthc.monitor.testing.TestDirectories;

class PipelineReadinessTest {

    @Test
    void kafkaStreamsNotRunningIsNotReadyAndSaysItsState() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        final Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "readiness-test");
        // never started: no broker is reached
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(StreamsConfig.STATE_DIR_CONFIG, TestDirectories.fresh("readiness").toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            final HealthResult result = Mono.from(new PipelineReadiness(streams).getResult()).block();
            assertThat(result.getName()).isEqualTo("pipelineReady");
            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            @SuppressWarnings("unchecked") final Map<String, Object> details = (Map<String, Object>) result.getDetails();
            assertThat(details).containsEntry("state", "CREATED").containsKey("reason");
        }
    }
}
