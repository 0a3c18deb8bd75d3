package vn.tthc.monitor.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.tthc.monitor.notifier.message.VietnameseText.periodName;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.notifier.testing.MailServer;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/** The service on a real broker: alert and warning records in, mails out through a real SMTP server, once. */
class NotifierIT {

    private static final String OPERATOR_KEY = "operator-key-" + UUID.randomUUID();

    private final String prefix = "it-" + UUID.randomUUID();
    private final MailServer smtp = new MailServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, byte[]> producer;
    private EmbeddedServer server;
    /** The field table shipped at the repository root (./tthc up and compose use it). */
    private String fieldsFile = Path.of("../../config/fields.csv").toAbsolutePath().normalize().toString();

    @BeforeEach
    void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "-alerts", 2, (short) 1),
                new NewTopic(prefix + "-case-warnings", 2, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        producer.close();
        smtp.close();
    }

    private void startService() throws IOException {
        final Path units = TestDirectories.fresh("units").resolve("units.yaml");
        Files.writeString(units, """
            units:
              - id: UBND-TP-HCM
                name: UBND Thành phố Hồ Chí Minh
                heads:
                  - name: Lê Minh Quang
                    email: quang.le@example.org
              - id: SO-TNMT
                name: Sở Tài nguyên và Môi trường
                parent: UBND-TP-HCM
                heads:
                  - name: Đặng Quốc Huy
                    email: huy.dang@example.org
            """);
        final Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("micronaut.server.port", -1);
        properties.put("tthc.topics.alerts", prefix + "-alerts");
        properties.put("tthc.topics.case-warnings", prefix + "-case-warnings");
        properties.put("tthc.topics.notifications", prefix + "-notifications");
        properties.put("tthc.notifier.group-id", prefix);
        properties.put("tthc.notifier.units-file", units.toString());
        properties.put("tthc.notifier.fields-file", fieldsFile);
        properties.put("tthc.notifier.public-url", "http://127.0.0.1:8080");
        properties.put("tthc.notifier.digest-interval", "1s");
        properties.put("tthc.notifier.group-window", "1s");
        properties.put("tthc.smtp.host", "127.0.0.1");
        properties.put("tthc.smtp.port", smtp.port());
        properties.put("tthc.operator-key", OPERATOR_KEY);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private void send(final String topic, final String key, final Object value) throws Exception {
        producer.send(new ProducerRecord<>(prefix + "-" + topic, key, ContractJson.mapper().writeValueAsBytes(value)))
            .get();
    }

    private String get(final String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private String getWith(final String path, final String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", authorization)
            .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aMissingFieldTableStopsTheServiceWithTheReason() {
        fieldsFile = Path.of("target/no-such-fields.csv").toAbsolutePath().toString();

        assertThatThrownBy(this::startService).hasStackTraceContaining(fieldsFile + ": cannot be read");
        assertThat(server).isNull();
    }

    @Test
    void alertAndWarningRecordsBecomeMailsOnceAcrossARestart() throws Exception {
        final Instant now = Instant.now();
        final List<String> periods = Period.containing(now).stream().map(Period::toString).toList();
        for (final String period : periods) {
            send("alerts", alertKey(period), alert(period, AlertState.RAISED, 0.9, now));
        }
        send("case-warnings", "HS-11", new CaseWarning(CaseWarning.Kind.OVERDUE, "HS-11", "SO-TNMT", "DAT_DAI",
            "CAP_GCN", now.minusSeconds(60), now));

        startService();

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.received().size() == 2);
        assertThat(smtp.received()).extracting(MailServer.Mail::subject).containsExactlyInAnyOrder(
            "Cảnh báo: Sở Tài nguyên và Môi trường – Tỷ lệ hồ sơ giải quyết đúng hạn 90% (mục tiêu 98%)",
            "Tổng hợp hồ sơ quá hạn / sắp đến hạn – Sở Tài nguyên và Môi trường");
        assertThat(smtp.received()).filteredOn(mail -> mail.subject().startsWith("Cảnh báo")).singleElement()
            .satisfies(mail -> {
                periods.forEach(period -> assertThat(mail.body()).containsIgnoringCase(periodName(period)));
                assertThat(mail.html()).as("multipart/alternative").contains("<table");
            });
        assertThat(smtp.received()).allSatisfy(mail -> assertThat(mail.to()).endsWith("<huy.dang@example.org>"));
        assertThat(get("/health")).contains("\"status\":\"UP\"").doesNotContain("details").doesNotContain("alertNotifier");
        assertThat(getWith("/health", "Bearer wrong-key")).doesNotContain("details");
        assertThat(getWith("/health", "Bearer " + OPERATOR_KEY)).contains("\"alertNotifier\"").contains("\"state\":\"RUNNING\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/prometheus"))
            .contains("tthc_notifications_sent_total{channel=\"email\",kind=\"raised\"} 1.0")
            .contains("tthc_notifications_sent_total{channel=\"email\",kind=\"digest\"} 1.0")
            .contains("tthc_notification_latency_seconds_bucket")
            .contains("tthc_notifications_pending 0.0")
            .contains("tthc_notifications_oldest_pending_age_seconds 0.0"));

        server.getApplicationContext().close();
        server = null;
        startService();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/health").contains("\"status\":\"UP\""));
        for (final String period : periods) {
            send("alerts", alertKey(period), alert(period, AlertState.RESOLVED, 0.985, now));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() == 3);
        assertThat(smtp.received().get(2).subject())
            .isEqualTo("Đã khắc phục: Sở Tài nguyên và Môi trường – Tỷ lệ hồ sơ giải quyết đúng hạn 98,5% (mục tiêu 98%)");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> smtp.received().size() == 3);
    }

    private static KpiAlert alert(final String period, final AlertState state, final double value, final Instant raisedAt) {
        return new KpiAlert("SO-TNMT", "*", period, "onTimeRate", state, false, value, 0.98, 120, 20,
            state == AlertState.RESOLVED ? 1L : -8L, List.of("HS-7", "HS-5"), raisedAt,
            state == AlertState.RESOLVED ? Instant.now() : raisedAt);
    }

    private static String alertKey(final String period) throws Exception {
        return ContractJson.mapper().writeValueAsString(alert(period, AlertState.RAISED, 0.9, Instant.EPOCH).key());
    }
}
