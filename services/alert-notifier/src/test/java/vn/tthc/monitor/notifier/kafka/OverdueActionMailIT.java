package vn.tthc.monitor.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionEventType;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.notifier.testing.MailServer;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * Corrective actions on a real broker (the topic as kpi-streams creates it: delete policy, kept for ever) become
 * overdue-action mails through a real SMTP server (GreenMail): an action past its due date while its breach is open
 * goes once to each head of the unit above, not again after a restart, and not at all when the breach has resolved.
 */
class OverdueActionMailIT {

    private static final String OVERDUE = "Quá hạn hành động khắc phục: ";
    private static final List<String> CITY_HEADS = List.of("quang.le@example.org", "mai.nguyen@example.org");

    private final String prefix = "overdue-it-" + UUID.randomUUID();
    private final MailServer smtp = new MailServer();
    private final Instant now = Instant.now();
    private final String month = Period.containing(now).get(0).toString();
    private final LocalDate yesterday = VietnamTime.localDate(now).minusDays(1);
    private KafkaProducer<String, byte[]> producer;
    private EmbeddedServer server;
    private Path units;

    @BeforeEach
    void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "-alerts", 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(prefix + "-case-warnings", 1, (short) 1),
                new NewTopic(prefix + "-corrective-actions", 2, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                .all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
        units = TestDirectories.fresh("overdue-units").resolve("units.yaml");
        Files.writeString(units, """
            units:
              - id: UBND-TP
                name: UBND Thành phố
                heads:
                  - name: Lê Minh Quang
                    email: quang.le@example.org
                  - name: Nguyễn Thị Mai
                    email: mai.nguyen@example.org
              - id: UBND-P-BAN-CO
                name: UBND phường Bàn Cờ
                parent: UBND-TP
                heads:
                  - name: Trần Thị Bình
                    email: binh.tran@example.org
              - id: UBND-P-VTS
                name: UBND phường Võ Thị Sáu
                parent: UBND-TP
                heads:
                  - name: Phan Văn Hùng
                    email: hung.phan@example.org
              - id: SO-TU-PHAP
                name: Sở Tư pháp
                parent: UBND-TP
                heads:
                  - name: Đỗ Văn Khánh
                    email: khanh.do@example.org
            """);
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

    private void startService() {
        final Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("micronaut.server.port", -1);
        properties.put("tthc.topics.alerts", prefix + "-alerts");
        properties.put("tthc.topics.case-warnings", prefix + "-case-warnings");
        properties.put("tthc.topics.verdict-reports", prefix + "-verdict-reports");
        properties.put("tthc.topics.corrective-actions", prefix + "-corrective-actions");
        properties.put("tthc.topics.notifications", prefix + "-notifications");
        properties.put("tthc.notifier.group-id", prefix);
        properties.put("tthc.notifier.units-file", units.toString());
        properties.put("tthc.notifier.fields-file", Path.of("../../config/fields.csv").toAbsolutePath().normalize().toString());
        properties.put("tthc.notifier.public-url", "http://127.0.0.1:8080");
        properties.put("tthc.notifier.group-window", "100ms");
        properties.put("tthc.smtp.host", "127.0.0.1");
        properties.put("tthc.smtp.port", smtp.port());
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** A breach of the unit's on-time rate this month, raised now (not yet escalated as a breach open too long). */
    private KpiAlert breach(final String unitId, final AlertState state) {
        return new KpiAlert(unitId, "*", month, "onTimeRate", state, false, state == AlertState.RESOLVED ? 0.99 : 0.9,
            0.98, 40, 20, -3L, List.of(), now, now);
    }

    private void alert(final KpiAlert alert) throws Exception {
        producer.send(new ProducerRecord<>(prefix + "-alerts", ContractJson.mapper().writeValueAsString(alert.key()),
            ContractJson.mapper().writeValueAsBytes(alert))).get();
    }

    /** As kpi-streams' ActionLog writes it, recorded five days ago, due yesterday in Vietnam. */
    private void overdueAction(final String unitId) throws Exception {
        final List<String> key = breach(unitId, AlertState.RAISED).key();
        final ActionEvent event = new ActionEvent(key, UUID.randomUUID().toString(), ActionEventType.RECORDED,
            "truong-phuong", ActionChannel.API, now.minus(Duration.ofDays(5)), "Thiếu cán bộ tiếp nhận",
            "Bổ sung cán bộ một cửa", "Phó Chủ tịch " + unitId, yesterday, null);
        producer.send(new ProducerRecord<>(prefix + "-corrective-actions", ContractJson.mapper().writeValueAsString(key),
            ContractJson.mapper().writeValueAsBytes(event))).get();
    }

    private List<MailServer.Mail> overdueMails() {
        return smtp.received().stream().filter(m -> m.subject().startsWith(OVERDUE)).toList();
    }

    @Test
    void anOverdueActionOfAnOpenBreachIsMailedOnceToEachHeadOfTheUnitAboveAcrossARestart() throws Exception {
        alert(breach("UBND-P-BAN-CO", AlertState.RAISED));
        alert(breach("UBND-P-VTS", AlertState.RAISED));
        alert(breach("UBND-P-VTS", AlertState.RESOLVED));
        overdueAction("UBND-P-BAN-CO");
        overdueAction("UBND-P-VTS");
        startService();

        await().atMost(Duration.ofSeconds(60)).until(() -> overdueMails().size() >= CITY_HEADS.size());
        assertThat(overdueMails()).extracting(m -> m.to().replaceAll(".*<(.*)>", "$1"))
            .containsExactlyInAnyOrderElementsOf(CITY_HEADS);
        assertThat(overdueMails()).allSatisfy(mail -> {
            assertThat(mail.subject()).startsWith(OVERDUE + "UBND phường Bàn Cờ — Tỷ lệ hồ sơ giải quyết đúng hạn");
            assertThat(mail.body()).contains("Kính gửi lãnh đạo UBND Thành phố,", "Nguyên nhân: Thiếu cán bộ tiếp nhận",
                "Hành động khắc phục: Bổ sung cán bộ một cửa", "Người chịu trách nhiệm: Phó Chủ tịch UBND-P-BAN-CO",
                "Thời hạn hoàn thành: " + String.format("%02d/%02d/%04d", yesterday.getDayOfMonth(),
                    yesterday.getMonthValue(), yesterday.getYear()), "90%", "mục tiêu 98%", "http://127.0.0.1:8080/#/alerts");
            assertThat(mail.html()).contains("Bổ sung cán bộ một cửa");
        });

        // a restart reads the alerts, the actions and the ledger again: a new overdue action (Sở Tư pháp's) is mailed
        // once the old ones have been weighed again, and Bàn Cờ's is not mailed twice, Võ Thị Sáu's (resolved) never
        server.getApplicationContext().close();
        server = null;
        startService();
        alert(breach("SO-TU-PHAP", AlertState.RAISED));
        overdueAction("SO-TU-PHAP");
        await().atMost(Duration.ofSeconds(60)).until(() -> overdueMails().size() >= 2 * CITY_HEADS.size());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> overdueMails().size() == 2 * CITY_HEADS.size());
        assertThat(overdueMails()).filteredOn(m -> m.subject().contains("Bàn Cờ")).hasSize(CITY_HEADS.size());
        assertThat(overdueMails()).filteredOn(m -> m.subject().contains("Sở Tư pháp")).hasSize(CITY_HEADS.size());
        assertThat(overdueMails()).noneMatch(m -> m.subject().contains("Võ Thị Sáu"));
    }
}
