package vn.tthc.monitor.tools.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.testing.TestKafkaCluster;

/** The import into the events topic of a real broker: each event once, keyed by its case. */
class DvcqgImportToKafkaIT {

    @TempDir
    Path dir;

    @Test
    void saved_messages_go_to_the_events_topic_keyed_by_case() throws Exception {
        final String topic = "dvcqg-import-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        final Path messages = dir.resolve("saved.jsonl");
        final String record = "{\"MaHoSo\":\"H-9\",\"MaTTHC\":\"1.004227\",\"MaLinhVuc\":\"DAT_DAI\","
            + "\"NgayTiepNhan\":\"20260302081500\",\"NgayHenTra\":\"20260312170000\",\"TrangThaiHoSo\":\"9\","
            + "\"NgayKetThucXuLy\":\"20260311160000\",\"DonViXuLy\":\"UBND-P-1\",\"KenhThucHien\":\"2\"}";
        Files.writeString(messages, "[" + record + "]\n[" + record + "]\n");

        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final int status = DvcqgImport.run(new String[] {"--source", "motcua-hcm", "--bootstrap",
            TestKafkaCluster.bootstrapServers(), "--topic", topic, "--units", dir.resolve("none.yaml").toString(),
            messages.toString()}, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(status).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("none.yaml");

        final int imported = DvcqgImport.run(new String[] {"--source", "motcua-hcm", "--bootstrap",
            TestKafkaCluster.bootstrapServers(), "--topic", topic, messages.toString()},
            new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(imported).as(console.toString(StandardCharsets.UTF_8)).isZero();

        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
            new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(read::add);
        }
        assertThat(read).extracting(ConsumerRecord::key).containsOnly("H-9");
        assertThat(read).extracting(r -> r.value().contains("\"case.received\"") ? "received" : "resolved")
            .containsExactlyInAnyOrder("received", "resolved");
    }
}
