package vn.tthc.monitor.kpi.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The dead-letter path on a real broker with exactly-once, configured by application.yml: a
 * processor throws on the events of a case past its history's bound, each goes to the rejected
 * topic as it was sent with the reason, Kafka Streams stays RUNNING and a later case is counted.
 */
class DeadLetterIT {

    @Test
    void eventsPastAFullHistoryAreDeadLetteredAndThePipelineGoesOn() throws Exception {
        try (RunningService service = new RunningService(Map.of());
             KafkaConsumer<byte[], byte[]> rejected = consumer(service.topic("rejected"))) {
            final Instant now = Instant.now();
            final List<String> flood = new ArrayList<>();
            flood.add(json(received("flood-r", "FLOOD", now)));
            for (int i = 1; i < CaseHistory.MAX_EVENTS + 16; i++) {
                flood.add(json(new SupplementRequested("flood-q" + i, now.plusSeconds(i), null, "FLOOD")));
            }
            service.send(flood);
            service.send(List.of(json(received("after-r", "AFTER", now))));

            final List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                rejected.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(16);
                assertThat(service.get("/api/v1/cases/AFTER").statusCode()).isEqualTo(200);
            });
            assertThat(deadLetters).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(flood.subList(CaseHistory.MAX_EVENTS, flood.size()));
            assertThat(deadLetters).allSatisfy(record -> {
                assertThat(RejectionHeaders.read(record.headers(), RejectionHeaders.KIND)).isEqualTo("history_full");
                assertThat(RejectionHeaders.read(record.headers(), RejectionHeaders.SOURCE_TOPIC))
                    .isEqualTo(service.topic("events"));
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                final JsonNode pipeline = ContractJson.mapper().readTree(service.get("/api/v1/pipeline").body());
                assertThat(pipeline.get("rejected").asLong()).isEqualTo(16);
            });
            assertThat(service.context().getBean(KafkaStreams.class).state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static CaseReceived received(final String eventId, final String caseId, final Instant now) {
        return new CaseReceived(eventId, now, null, caseId, "UNIT-A", "HO_TICH", "1.1", Channel.ONLINE, true,
            now.plus(Duration.ofDays(10)));
    }

    private static String json(final Event event) throws JsonProcessingException {
        return ContractJson.mapper().writeValueAsString(event);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final String topic) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
