package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.testing.TestKafkaCluster;

/** The simulator produces straight to a real broker: every event arrives once, keyed as the contract says. */
class SimulatorKafkaIT {

    private static final int EVENTS = 3000;

    @Test
    void deliversEveryEventKeyedByItsCaseUnitOrFeedback() throws Exception {
        final String topic = "simulated-events-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
        }

        final int exit = SimulatorCommand.commandLine(new SimulatorCommand()).execute("--bootstrap", TestKafkaCluster.bootstrapServers(),
            "--topic", topic, "--events", String.valueOf(EVENTS), "--rate", "max", "--seed", "3");

        assertThat(exit).isZero();
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSize(EVENTS);
            });
        }
        assertThat(records).allSatisfy(record -> {
            final ParseResult parsed = EventParser.parse(record.value());
            assertThat(parsed).isInstanceOf(ParseResult.Valid.class);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(((ParseResult.Valid) parsed).event().key());
        });
        assertThat(records.stream().map(r -> ((ParseResult.Valid) EventParser.parse(r.value())).event().eventId()).distinct())
            .hasSize(EVENTS);
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
