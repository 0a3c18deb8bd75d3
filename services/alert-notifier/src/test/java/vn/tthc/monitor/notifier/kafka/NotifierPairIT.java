package vn.tthc.monitor.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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

/**
 * Two notifiers of one group on a real broker, one SMTP server (GreenMail): notifier A in this JVM, notifier B in a
 * child JVM. A burst of alerts and case warnings of 30 units (each a raise mail and a digest to the unit's head, and,
 * raised five hours ago, an escalation to the province's head) is written while B is killed with SIGKILL after it has
 * delivered some of its units' mails; A takes B's units over once the group notices (the session timeout) and every
 * expected mail arrives, none with two Message-IDs.
 *
 * <p>What the test allows, and why (docs/NOTIFIER.md, Two or more instances): a mail whose SMTP 250 B received but
 * whose ledger append B had not yet seen acknowledged when it died is sent again by A <em>with the same Message-ID</em>
 * (a receiver drops it). B waits for the append after each delivery, so at most one mail is in that window: the test
 * accepts at most one Message-ID received twice and nothing else twice.
 */
class NotifierPairIT {

    private static final String OPERATOR_KEY = "pair-operator-key-" + UUID.randomUUID();
    private static final int UNITS = 30;
    private static final int PARTITIONS = 6;
    private static final String PROVINCE_HEAD = "giam.doc@example.org";

    private final String prefix = "pair-" + UUID.randomUUID();
    private final MailServer smtp = new MailServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, byte[]> producer;
    private EmbeddedServer notifierA;
    private Process notifierB;
    private Path units;

    @BeforeEach
    void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "-alerts", 2, (short) 1),
                new NewTopic(prefix + "-case-warnings", PARTITIONS, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        smtp.start();
        final StringBuilder file = new StringBuilder("""
            units:
              - id: UBND-TINH
                name: UBND tỉnh thử
                heads:
                  - name: Nguyễn Văn Giám
                    email: %s
            """.formatted(PROVINCE_HEAD));
        for (int unit = 0; unit < UNITS; unit++) {
            file.append("""
                  - id: %s
                    name: %s
                    parent: UBND-TINH
                    heads:
                      - name: Trưởng phòng %02d
                        email: %s
                """.formatted(unitId(unit), unitName(unit), unit, head(unit)));
        }
        units = Files.writeString(TestDirectories.fresh("pair-units").resolve("units.yaml"), file.toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (notifierB != null) {
            notifierB.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (notifierA != null) {
            notifierA.getApplicationContext().close();
        }
        producer.close();
        smtp.close();
    }

    @Test
    void oneOfTwoNotifiersKilledMidBurstEveryMailArrivesOnce() throws Exception {
        notifierA = ApplicationContext.run(EmbeddedServer.class, properties(-1));
        final String urlA = notifierA.getURL().toString();
        final int portB = freePort();
        final String urlB = "http://127.0.0.1:" + portB;
        notifierB = startChild(properties(portB));
        // both hold part of the units
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            final JsonNode a = details(urlA);
            final JsonNode b = details(urlB);
            assertThat(a.get("state").asText()).isEqualTo("RUNNING");
            assertThat(b.get("state").asText()).isEqualTo("RUNNING");
            assertThat(a.get("ownedPartitions").size()).isPositive();
            assertThat(b.get("ownedPartitions").size()).isPositive();
            assertThat(a.get("ownedPartitions").size() + b.get("ownedPartitions").size()).isEqualTo(PARTITIONS);
            assertThat(a.get("partitions").asInt()).isEqualTo(PARTITIONS);
        });
        final int unitsOfB = details(urlB).get("ownedUnits").asInt();
        assertThat(unitsOfB).isPositive();

        // the burst: one unit every 150 ms; B dies once it has delivered some of its units' mails
        final AtomicInteger written = new AtomicInteger();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        final CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            for (int unit = 0; unit < UNITS; unit++) {
                write(unit, now);
                written.incrementAndGet();
                try {
                    Thread.sleep(150); // the pace of the burst, not a synchronisation
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> sentBy(urlB) >= 4);
        notifierB.destroyForcibly();
        final int writtenAtKill = written.get();
        final int receivedAtKill = smtp.received().size();
        System.out.printf("B killed after %d of %d units written, %d mails received%n", writtenAtKill, UNITS, receivedAtKill);
        assertThat(writtenAtKill).as("killed mid-burst").isLessThan(UNITS);
        burst.get(30, TimeUnit.SECONDS);

        final Set<String> expected = expectedMails();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(mailsReceived()).containsAll(expected));
        // nothing more comes
        final int total = smtp.received().size();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> smtp.received().size() == total);

        final List<MailServer.Mail> received = smtp.received();
        assertThat(mailsReceived()).containsExactlyInAnyOrderElementsOf(expected);
        // every expected mail has one Message-ID: nobody told twice in two different mails
        final Map<String, Set<String>> idsOfMail = received.stream().collect(Collectors.groupingBy(NotifierPairIT::mail,
            Collectors.mapping(MailServer.Mail::messageId, Collectors.toSet())));
        assertThat(idsOfMail).allSatisfy((mail, ids) -> assertThat(ids).as(mail).hasSize(1));
        // the kill window: at most one mail (B's last) received twice, with the same Message-ID
        final Map<String, Long> timesById = received.stream()
            .collect(Collectors.groupingBy(MailServer.Mail::messageId, Collectors.counting()));
        final List<String> twice = timesById.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        System.out.printf("%d mails received, %d expected, received twice with the same Message-ID: %s%n",
            received.size(), expected.size(), twice);
        assertThat(twice).hasSizeLessThanOrEqualTo(1);
        assertThat(timesById.values()).allMatch(times -> times <= 2);
        assertThat(received).hasSize(expected.size() + twice.size());

        // A tells every unit now
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(details(urlA).get("ownedPartitions").size()).isEqualTo(PARTITIONS);
            assertThat(details(urlA).get("ownedUnits").asInt()).isEqualTo(UNITS + 1);
            assertThat(get(urlA, "/prometheus")).contains("tthc_notifier_owned_partitions " + PARTITIONS + ".0")
                .contains("tthc_notifier_owned_units " + (UNITS + 1) + ".0");
        });
    }

    /** For each unit: the raise mail and the digest to its head, the escalation to the province's head. */
    private static Set<String> expectedMails() {
        final Set<String> expected = new HashSet<>();
        for (int unit = 0; unit < UNITS; unit++) {
            expected.add(head(unit) + " Cảnh báo: " + unitName(unit));
            expected.add(head(unit) + " Tổng hợp hồ sơ quá hạn / sắp đến hạn – " + unitName(unit));
            expected.add(PROVINCE_HEAD + " Chuyển cấp: " + unitName(unit));
        }
        return expected;
    }

    private Set<String> mailsReceived() {
        return smtp.received().stream().map(NotifierPairIT::mail).collect(Collectors.toSet());
    }

    /** A received mail as recipient and subject up to the unit's name: what it tells whom. */
    private static String mail(final MailServer.Mail mail) {
        final String to = mail.to().replaceAll(".*<(.*)>.*", "$1");
        final String subject = mail.subject().startsWith("Tổng hợp") ? mail.subject()
            : mail.subject().replaceAll(" – .*", "");
        return to + " " + subject;
    }

    private void write(final int unit, final Instant now) {
        try {
            final KpiAlert alert = new KpiAlert(unitId(unit), "*", Period.containing(now).get(0).toString(), "onTimeRate",
                AlertState.RAISED, false, 0.9, 0.98, 120, 20, -8L, List.of("HS-" + unit), now.minus(Duration.ofHours(5)),
                now);
            producer.send(new ProducerRecord<>(prefix + "-alerts", ContractJson.mapper().writeValueAsString(alert.key()),
                ContractJson.mapper().writeValueAsBytes(alert)));
            final String caseId = "HS-%02d".formatted(unit);
            producer.send(new ProducerRecord<>(prefix + "-case-warnings", caseId, ContractJson.mapper().writeValueAsBytes(
                new CaseWarning(CaseWarning.Kind.OVERDUE, caseId, unitId(unit), "DAT_DAI", "CAP_GCN",
                    now.minusSeconds(3600), now))));
            producer.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> properties(final int port) {
        final Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("micronaut.server.port", port);
        properties.put("tthc.topics.alerts", prefix + "-alerts");
        properties.put("tthc.topics.case-warnings", prefix + "-case-warnings");
        properties.put("tthc.topics.verdict-reports", prefix + "-verdict-reports");
        properties.put("tthc.topics.notifications", prefix + "-notifications");
        properties.put("tthc.notifier.group-id", prefix);
        properties.put("tthc.notifier.units-file", units.toString());
        properties.put("tthc.notifier.fields-file", Path.of("../../config/fields.csv").toAbsolutePath().normalize().toString());
        properties.put("tthc.notifier.digest-interval", "2s");
        properties.put("tthc.notifier.group-window", "1s");
        // the broker's smallest: B's death is noticed 6 s after its last heartbeat
        properties.put("tthc.notifier.session-timeout", "6s");
        properties.put("tthc.smtp.host", "127.0.0.1");
        properties.put("tthc.smtp.port", smtp.port());
        properties.put("tthc.operator-key", OPERATOR_KEY);
        return properties;
    }

    /** The notifier in a JVM of its own, with the test's classpath, configured by system properties. */
    private static Process startChild(final Map<String, Object> properties) throws IOException {
        final String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-cp", classpath));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("vn.tthc.monitor.notifier.AlertNotifierApplication");
        final Path log = TestDirectories.fresh("notifier-b").resolve("notifier-b.log");
        System.out.println("notifier B logs to " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The mails the notifier at {@code url} has delivered (its {@code tthc_notifications_sent_total}); 0 if it does not answer. */
    private long sentBy(final String url) {
        try {
            double sum = 0;
            for (final String line : get(url, "/prometheus").split("\n")) {
                if (line.startsWith("tthc_notifications_sent_total{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return Math.round(sum);
        } catch (final IOException e) {
            return 0;
        }
    }

    private JsonNode details(final String url) throws Exception {
        return ContractJson.mapper().readTree(get(url, "/health")).at("/details/alertNotifier/details");
    }

    private String get(final String url, final String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + OPERATOR_KEY)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String unitId(final int unit) {
        return "UBND-X-%02d".formatted(unit);
    }

    private static String unitName(final int unit) {
        return "UBND xã thử %02d".formatted(unit);
    }

    private static String head(final int unit) {
        return "truong.phong.%02d@example.org".formatted(unit);
    }
}
