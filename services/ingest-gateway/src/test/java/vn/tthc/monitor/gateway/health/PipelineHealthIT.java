package vn.tthc.monitor.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.gateway.RunningGateway;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The gateway's /health follows the pipeline it feeds: events waiting while kpi-streams' group has no
 * member are shown to the operator (the gateway stays UP), and a member that has read them all clears it.
 */
class PipelineHealthIT {

    private static final String OPERATOR_KEY = "tthc_test-operator-key";
    private static final Map<String, String> AS_OPERATOR = Map.of("Authorization", "Bearer " + OPERATOR_KEY);

    @Test
    void eventsWaitingForAnAbsentPipelineAreShownAndTheGatewayStaysUp() {
        final String applicationId = "kpi-streams-" + UUID.randomUUID();
        try (RunningGateway gateway = new RunningGateway(Map.of(
            "tthc.gateway.pipeline-application-id", applicationId, "tthc.gateway.operator-key", OPERATOR_KEY))) {
            produce(gateway.topic(), 3);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                final HttpResponse<String> health = gateway.get("/health", AS_OPERATOR);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"applicationId\":\"" + applicationId + "\"")
                    .contains("\"kpiStreamsMembers\":0").contains("\"lag\":3")
                    .contains("kpi-streams is not running: 3 accepted events wait for it");
            });

            try (KafkaConsumer<byte[], byte[]> pipeline = member(applicationId)) {
                pipeline.subscribe(List.of(gateway.topic()));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    pipeline.poll(Duration.ofMillis(200));
                    pipeline.commitSync();
                    final String body = gateway.get("/health", AS_OPERATOR).body();
                    assertThat(body).contains("\"kpiStreamsMembers\":1").contains("\"lag\":0")
                        .doesNotContain("kpi-streams is not running");
                });
            }
        }
    }

    private static void produce(final String topic, final int count) {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, ("event " + i).getBytes()));
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> member(final String group) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
