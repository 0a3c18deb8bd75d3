package vn.tthc.monitor.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.testing.MailServer;
import vn.tthc.monitor.notifier.testing.VerdictFixtures;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * Verdict records written transactionally to a real broker become verdict and correction mails through a real SMTP
 * server (GreenMail), exactly once per head, across notifier restarts in the middle of the stream and an SMTP
 * outage; each mail carries the record's PDF, byte for byte.
 */
class VerdictMailIT {

    private static final List<String> HEADS =
        List.of("binh.tran@example.org", "cuong.vo@example.org", "quang.le@example.org");

    private final String prefix = "verdict-it-" + UUID.randomUUID();
    private final MailServer smtp = new MailServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<MailServer.Mail> delivered = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;
    private EmbeddedServer server;
    private Path units;

    @BeforeEach
    void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "-alerts", 1, (short) 1),
                new NewTopic(prefix + "-case-warnings", 1, (short) 1),
                new NewTopic(prefix + "-verdict-reports", 2, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get();
        }
        final Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "-archive");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        units = TestDirectories.fresh("verdict-units").resolve("units.yaml");
        Files.writeString(units, """
            units:
              - id: UBND-TP
                name: UBND Thành phố
                heads:
                  - name: Lê Minh Quang
                    email: quang.le@example.org
              - id: UBND-P-BAN-CO
                name: UBND phường Bàn Cờ
                parent: UBND-TP
                heads:
                  - name: Trần Thị Bình
                    email: binh.tran@example.org
                  - name: Võ Đức Cường
                    email: cuong.vo@example.org
            """);
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
        final Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("micronaut.server.port", -1);
        properties.put("tthc.topics.alerts", prefix + "-alerts");
        properties.put("tthc.topics.case-warnings", prefix + "-case-warnings");
        properties.put("tthc.topics.verdict-reports", prefix + "-verdict-reports");
        properties.put("tthc.topics.notifications", prefix + "-notifications");
        properties.put("tthc.notifier.group-id", prefix);
        properties.put("tthc.notifier.units-file", units.toString());
        properties.put("tthc.notifier.fields-file", Path.of("../../config/fields.csv").toAbsolutePath().normalize().toString());
        properties.put("tthc.notifier.first-retry", "200ms");
        properties.put("tthc.notifier.max-retry", "1s");
        properties.put("tthc.smtp.host", "127.0.0.1");
        properties.put("tthc.smtp.port", smtp.port());
        properties.put("tthc.smtp.timeout", "2s");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private void restartService() throws IOException {
        server.getApplicationContext().close();
        server = null;
        startService();
    }

    /** As kpi-streams' archive writes it: key = the verdict key and the revision, in one committed transaction. */
    private void archive(final VerdictReport report, final boolean commit) throws Exception {
        final PeriodVerdict verdict = report.verdict();
        final List<String> key = new ArrayList<>(verdict.key());
        key.add(Integer.toString(verdict.revision()));
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(prefix + "-verdict-reports", ContractJson.mapper().writeValueAsString(key),
            ContractJson.mapper().writeValueAsBytes(report)));
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private double metric(final String series) throws Exception {
        final String text = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        final Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    /** Every mail SMTP received so far, including those of an earlier run of the server (stopping it forgets them). */
    private List<MailServer.Mail> mails() {
        final List<MailServer.Mail> all = new ArrayList<>(delivered);
        all.addAll(smtp.received());
        return all;
    }

    @Test
    void eachHeadGetsOneVerdictAndOneCorrectionWithTheirPdfAcrossRestartsAndAnSmtpOutage() throws Exception {
        final VerdictReport verdict = VerdictFixtures.banCoVerdict();
        final VerdictReport correction = VerdictFixtures.banCoCorrection();
        final String verdictFailed = "tthc_verdict_mails_failed_total{kind=\"verdict\"}";

        // SMTP is down: the verdict fails, is retried, and is still pending when the notifier restarts
        startService();
        archive(VerdictFixtures.citySubtreeVerdict(), false);
        archive(verdict, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> metric(verdictFailed) >= 3);
        restartService();
        await().atMost(Duration.ofSeconds(60)).until(() -> metric(verdictFailed) >= 3);

        // SMTP returns: delivered once to every head of the ward and of the city
        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> mails().size() == HEADS.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("tthc_notifications_pending") == 0);
        assertThat(metric("tthc_verdict_mails_sent_total{kind=\"verdict\"}")).isEqualTo(HEADS.size());

        // a restart reads the topic again and mails nothing more; the correction then goes out once, during an outage
        restartService();
        delivered.addAll(smtp.received());
        smtp.stop();
        archive(correction, true);
        await().atMost(Duration.ofSeconds(60))
            .until(() -> metric("tthc_verdict_mails_failed_total{kind=\"correction\"}") >= 3);
        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> mails().size() == 2 * HEADS.size());
        restartService();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
            .until(() -> mails().size() == 2 * HEADS.size());

        for (final String head : HEADS) {
            final List<MailServer.Mail> received = mails().stream().filter(m -> m.to().endsWith("<" + head + ">")).toList();
            assertThat(received).as(head).hasSize(2);
            assertThat(received).filteredOn(m -> m.subject().startsWith("KẾT LUẬN quý 3/2026 – UBND phường Bàn Cờ"))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.html()).as("multipart/alternative inside multipart/mixed").contains("<table");
                    assertThat(mail.body()).contains("Không đạt (2 chỉ tiêu)");
                    assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
                        assertThat(pdf.fileName()).isEqualTo("bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3.pdf");
                        assertThat(pdf.contentType()).isEqualTo("application/pdf");
                        assertThat(pdf.content()).isEqualTo(verdict.reportPdf());
                    });
                });
            assertThat(received).filteredOn(m -> m.subject().startsWith("Đính chính kết luận quý 3/2026"))
                .singleElement().satisfies(mail -> assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
                    assertThat(pdf.fileName()).isEqualTo("bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3-dinh-chinh-1.pdf");
                    assertThat(pdf.content()).isEqualTo(correction.reportPdf());
                }));
        }
        assertThat(mails()).as("the aborted record is never read").noneMatch(m -> m.subject().contains("UBND Thành phố ("));
    }
}
