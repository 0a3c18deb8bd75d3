package vn.tthc.monitor.kpi.query.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.actions.ActionTopology;
import vn.tthc.monitor.operator.SignedLinks;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Two kpi-streams instances of one application id on a real three-broker KRaft cluster (Kafka's test kit), sign-in
 * on: instance A in this JVM, instance B in a child JVM, each with its own port and state directory, one standby
 * replica. Every query endpoint answers for every unit on either instance, the same, and the report equals the
 * in-memory reference, while each instance's metrics export only what it holds; corrective actions recorded through
 * one instance for alerts whose partition the other holds are read, checked, listed, linked and reported alike by
 * both; then B is killed with SIGKILL ({@link Process#destroyForcibly()}) while events still arrive, and A answers for
 * every unit again within 60 s, never with a 200 that misses units meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String OPERATOR_KEY = "two-instances-operator-key";
    private static final String LINK_KEY = "two-instances-link-key-of-at-least-32-characters";
    private static final int UNITS = 24;
    private static final Instant NOW = Instant.now();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaClusterTestKit cluster;
    private static EmbeddedServer instanceA;
    private static Process instanceB;
    private static String urlA;
    private static String urlB;
    private static String prefix;
    private static KafkaProducer<byte[], byte[]> producer;
    private static final List<String> FIRST = new ArrayList<>();
    private static final List<String> REST = new ArrayList<>();
    /** The alert keys the corrective actions were recorded for, checked again once A is alone. */
    private static final List<String> ACTIONS = new ArrayList<>();
    /** Per unit of {@link #FIRST}: open cases, overdue cases. */
    private static final Map<String, long[]> OPEN = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(false)
            .setNumBrokerNodes(3)
            .setNumControllerNodes(1)
            .setBaseDirectory(TestDirectories.fresh("three-brokers"))
            .build())
            .setConfigProp("offsets.topic.replication.factor", "3")
            .setConfigProp("transaction.state.log.replication.factor", "3")
            .setConfigProp("transaction.state.log.min.isr", "2")
            .setConfigProp("share.coordinator.state.topic.replication.factor", "3")
            .setConfigProp("min.insync.replicas", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        prefix = "two-" + UUID.randomUUID();
        events();
        final Path users = Files.writeString(TestDirectories.fresh("users").resolve("users.yaml"), """
            users:
              - {username: province, password-hash: '%s', role: province}
            """.formatted(new BCryptPasswordEncoder().encode("tinh-pass")));
        final int portA = freePort();
        final int portB = freePort();
        urlA = "http://127.0.0.1:" + portA;
        urlB = "http://127.0.0.1:" + portB;
        instanceA = ApplicationContext.run(EmbeddedServer.class, properties(portA, users));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(urlA, "/health/readiness") == 200);
        instanceB = startChild(properties(portB, users));
        await().atMost(Duration.ofSeconds(90)).until(() -> status(urlB, "/health/readiness") == 200
            && status(urlA, "/health/readiness") == 200);
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        send(FIRST);
        final JsonNode expected = ContractJson.mapper().valueToTree(InMemoryKpis.report(FIRST, Targets.sectionThreeDefaults()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(ReportComparison.differences(json(urlA, "/api/v1/report"), expected)).isEmpty();
            assertThat(ReportComparison.differences(json(urlB, "/api/v1/report"), expected)).isEmpty();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (instanceB != null) {
            instanceB.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (producer != null) {
            producer.close();
        }
        if (instanceA != null) {
            instanceA.getApplicationContext().close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void correctiveActionsAreAnsweredForEveryAlertFromEitherInstance() throws Exception {
        final String heldByB = alertKeyHeldBy(urlB);
        final String heldByA = alertKeyHeldBy(urlA);
        final String due = LocalDate.now(VietnamTime.ZONE).plusDays(7).toString();
        // through A over the API, for an alert B holds: recorded, then completed, which A checks against B's state
        final String province = signIn(urlA);
        final HttpResponse<String> recorded = postAction(urlA, heldByB, "{\"type\":\"record\",\"cause\":\"Thiếu cán bộ"
            + " một cửa\",\"action\":\"Bổ sung cán bộ\",\"responsible\":\"Nguyễn Thị Ánh\",\"due\":\"" + due + "\"}", province);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(urlB, actionPath(heldByB)).statusCode() == 200);
        final HttpResponse<String> completed = postAction(urlA, heldByB, "{\"type\":\"complete\"}", province);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
        // through B's mail link, for an alert A holds
        final SignedLinks links = new SignedLinks(LINK_KEY);
        final String recipient = "truong.phong@tthc.gov.vn";
        final Instant expires = Instant.now().plus(Duration.ofDays(7));
        final HttpResponse<String> linked = HTTP.send(HttpRequest.newBuilder(URI.create(urlB + "/actions"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                "token=" + encoded(links.sign(heldByA, recipient, expires)) + "&type=record&cause="
                + encoded("Hệ thống một cửa ngừng") + "&action=" + encoded("Xử lý thủ công") + "&responsible="
                + encoded("Lê Văn Bình") + "&due=" + due + "&note=")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);

        // each alert's action, the list and the evaluations' section 4: the same from either instance
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(json(urlA, actionPath(heldByB)).path("state").asText()).isEqualTo("DONE");
            assertThat(json(urlB, actionPath(heldByA)).path("action").path("recordedBy").asText()).isEqualTo(recipient);
        });
        for (final String key : List.of(heldByA, heldByB)) {
            assertThat(json(urlA, actionPath(key))).as(key).isEqualTo(json(urlB, actionPath(key)));
        }
        final JsonNode listed = json(urlA, "/api/v1/corrective-actions");
        assertThat(listed).hasSize(2);
        ACTIONS.addAll(List.of(heldByA, heldByB));
        assertThat(json(urlB, "/api/v1/corrective-actions")).isEqualTo(listed);
        for (final String url : List.of(urlA, urlB)) {
            assertThat(evaluation(url, heldByB)).contains("Thiếu cán bộ một cửa", "Đã hoàn thành");
            assertThat(evaluation(url, heldByA)).contains("Hệ thống một cửa ngừng", "Lê Văn Bình");
        }
        // the mail link's page on A shows the action B holds
        final HttpResponse<String> page = get(urlA, "/actions?token=" + links.sign(heldByB, recipient, expires));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thiếu cán bộ một cửa", "Đã hoàn thành");
    }

    @Test
    @Order(2)
    void everyEndpointAnswersForEveryUnitFromEitherInstanceThenTheSurvivorAloneWithin60s() throws Exception {
        // each instance holds part of the units: its own stores alone answer for fewer rows than the whole
        final int rows = json(urlA, "/api/v1/report").get("kpis").size();
        final JsonNode localA = json(urlA, "/api/v1/instance/report");
        final JsonNode localB = json(urlB, "/api/v1/instance/report");
        assertThat(localA.at("/value/rows").size()).isPositive().isLessThan(rows);
        assertThat(localB.at("/value/rows").size()).isPositive().isLessThan(rows);
        assertThat(localA.at("/value/rows").size() + localB.at("/value/rows").size()).isEqualTo(rows);

        for (final String path : List.of("/api/v1/report", "/api/v1/breaches", "/api/v1/kpis?period=2026-03",
            "/api/v1/open-cases", "/api/v1/alerts?includeStale=true", "/api/v1/pipeline", "/api/v1/units/unlisted")) {
            assertThat(json(urlB, path)).as(path).isEqualTo(json(urlA, path));
        }
        final JsonNode openCases = json(urlB, "/api/v1/open-cases");
        assertThat(openCases.size()).isEqualTo(UNITS);
        OPEN.forEach((unit, counts) -> {
            assertThat(openCases.at("/" + unit + "/open").asLong()).as(unit).isEqualTo(counts[0]);
            assertThat(openCases.at("/" + unit + "/overdue").asLong()).as(unit).isEqualTo(counts[1]);
        });
        assertThat(json(urlA, "/api/v1/units/unlisted")).hasSize(UNITS);
        long accepted = 0;
        for (final JsonNode count : json(urlA, "/api/v1/pipeline").get("acceptedBySource")) {
            accepted += count.asLong();
        }
        assertThat(accepted).isEqualTo(FIRST.size() - 1);
        for (int unit = 0; unit < UNITS; unit++) {
            final String id = unitId(unit);
            for (final String path : List.of("/api/v1/units/" + id + "/kpis", "/api/v1/units/" + id + "/kpis?scope=own",
                "/api/v1/units/" + id + "/open-cases", "/api/v1/units/" + id + "/overdue-cases")) {
                assertThat(stable(json(urlB, path))).as(path).isEqualTo(stable(json(urlA, path)));
            }
            assertThat(json(urlA, "/api/v1/units/" + id + "/open-cases")).hasSize((int) OPEN.get(id)[0]);
            assertThat(json(urlA, "/api/v1/units/" + id + "/overdue-cases")).hasSize((int) OPEN.get(id)[1]);
            for (int number = 0; number < 4; number++) {
                final String path = "/api/v1/cases/" + caseId(unit, number);
                assertThat(json(urlA, path).get("unitId").asText()).as(path).isEqualTo(id);
                assertThat(stable(json(urlB, path))).as(path).isEqualTo(stable(json(urlA, path)));
            }
        }
        assertThat(status(urlA, "/health/liveness")).isEqualTo(200);
        // metrics stay per instance: each exports the open cases it holds, the sum over both is the whole
        final long open = OPEN.values().stream().mapToLong(counts -> counts[0]).sum();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final long openA = openCasesExported(urlA);
            final long openB = openCasesExported(urlB);
            assertThat(openA).isPositive().isLessThan(open);
            assertThat(openA + openB).isEqualTo(open);
        });

        // B dies without a word (SIGKILL) while events still arrive; A takes its tasks over from the standby copies
        final Set<String> units = unitsOf(json(urlA, "/api/v1/report"));
        instanceB.destroyForcibly();
        final long killed = System.nanoTime();
        send(REST);
        final List<String> all = new ArrayList<>(FIRST);
        all.addAll(REST);
        final JsonNode expected = ContractJson.mapper().valueToTree(InMemoryKpis.report(all, Targets.sectionThreeDefaults()));
        final List<Integer> notReady = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            final HttpResponse<String> report = get(urlA, "/api/v1/report");
            if (report.statusCode() == 503) {
                assertThat(report.headers().firstValue("Retry-After")).isPresent();
                assertThat(ContractJson.mapper().readTree(report.body()).get("error").asText()).isNotBlank();
                notReady.add(503);
            } else {
                assertThat(report.statusCode()).isEqualTo(200);
                // never a partial answer presented as whole: a 200 names every unit it named before
                final JsonNode body = ContractJson.mapper().readTree(report.body());
                assertThat(unitsOf(body)).containsAll(units);
            }
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(ReportComparison.differences(ContractJson.mapper().readTree(report.body()), expected)).isEmpty();
            assertThat(json(urlA, "/api/v1/cases/" + caseId(UNITS - 1, 5)).get("status").asText()).isNotBlank();
        });
        System.out.printf("A answered for every unit %d ms after B was killed (%d answers 503 meanwhile)%n",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed), notReady.size());
        for (int unit = 0; unit < UNITS; unit++) {
            assertThat(get(urlA, "/api/v1/units/" + unitId(unit) + "/kpis").statusCode()).isEqualTo(200);
        }
        // the corrective actions recorded before (when that test ran), B's among them, from A alone
        for (final String key : ACTIONS) {
            assertThat(get(urlA, actionPath(key)).statusCode()).as(key).isEqualTo(200);
        }
        assertThat(json(urlA, "/api/v1/corrective-actions")).hasSize(ACTIONS.size());
    }

    /** Per unit, six cases received in March 2026: four resolved (on time or late), two still open (one overdue). */
    private static void events() {
        final DateTimeFormatter at = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (int unit = 0; unit < UNITS; unit++) {
            final String id = unitId(unit);
            final String field = unit % 2 == 0 ? "HO_TICH" : "DAT_DAI";
            for (int number = 0; number < 6; number++) {
                final String caseId = caseId(unit, number);
                final Instant received = Instant.parse("2026-03-02T01:00:00Z").plus(Duration.ofHours(unit + number));
                final Instant due = number == 5 ? NOW.plus(Duration.ofDays(30)) : received.plus(Duration.ofDays(3));
                final List<String> target = number == 5 && unit % 3 == 0 ? REST : FIRST;
                target.add(("{\"eventId\": \"%s-r\", \"type\": \"case.received\", \"occurredAt\": \"%s\", \"caseId\": \"%s\","
                    + " \"fieldId\": \"%s\", \"channel\": \"%s\", \"onlineEligible\": true, \"dueAt\": \"%s\", \"unitId\": \"%s\","
                    + " \"procedureId\": \"1.004227\", \"source\": \"motcua-test\"}").formatted(caseId,
                    at.format(received.atOffset(ZoneOffset.ofHours(7))), caseId, field, number % 2 == 0 ? "ONLINE" : "COUNTER",
                    at.format(due.atOffset(ZoneOffset.ofHours(7))), id));
                if (number < 4) {
                    final Instant resolved = received.plus(Duration.ofDays(number == 3 ? 5 : 1));
                    (unit % 4 == 0 ? REST : FIRST).add(("{\"eventId\": \"%s-s\", \"type\": \"case.resolved\", \"occurredAt\": \"%s\","
                        + " \"caseId\": \"%s\", \"result\": \"APPROVED\"}").formatted(caseId,
                        at.format(resolved.atOffset(ZoneOffset.ofHours(7))), caseId));
                }
            }
            final boolean resolvedLater = unit % 4 == 0;
            final boolean lastLater = unit % 3 == 0;
            // open in FIRST: case 4 (overdue), case 5 when received in FIRST, cases 0-3 when resolved in REST
            OPEN.put(id, new long[] {1 + (lastLater ? 0 : 1) + (resolvedLater ? 4 : 0), 1 + (resolvedLater ? 4 : 0)});
        }
        FIRST.add("{\"eventId\": \"broken\"");
    }

    /** The key of an alert of March 2026 on one of the units whose partition of the actions' store {@code url} holds. */
    private static String alertKeyHeldBy(final String url) {
        final KafkaStreams streams = instanceA.getApplicationContext().getBean(KafkaStreams.class);
        for (int unit = 0; unit < UNITS; unit++) {
            final String key = AlertKeys.text(List.of(unitId(unit), "*", "2026-03", "onTimeRate"));
            if (streams.queryMetadataForKey(ActionTopology.STORE, key, Serdes.String().serializer()).activeHost().port()
                == URI.create(url).getPort()) {
                return key;
            }
        }
        throw new AssertionError(url + " holds none of the actions' partitions of the alerts tried");
    }

    private static String actionPath(final String alertKey) {
        return "/api/v1/alerts/" + encoded(alertKey) + "/actions";
    }

    /** The evaluation of March 2026 of the alert's unit, as {@code url} answers it. */
    private static String evaluation(final String url, final String alertKey) {
        final String path = "/api/v1/units/" + AlertKeys.parse(alertKey).orElseThrow().get(0) + "/evaluations/2026-03";
        final HttpResponse<String> response = get(url, path);
        assertThat(response.statusCode()).as(url + path).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> postAction(final String url, final String alertKey, final String body,
                                                   final String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + actionPath(alertKey))).header("Cookie", cookie)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** The province user's session cookie on the instance at {@code url}. */
    private static String signIn(final String url) throws Exception {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=province&password=tinh-pass")).build(),
            HttpResponse.BodyHandlers.ofString());
        final String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
            .findFirst().orElseThrow(() -> new AssertionError("no JWT cookie: " + response.headers()));
        return cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }

    private static String encoded(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The sum of {@code tthc_cases{state="open"}} that the instance at {@code url} exports. */
    private static long openCasesExported(final String url) {
        double sum = 0;
        for (final String line : get(url, "/prometheus").body().split("\n")) {
            if (line.startsWith("tthc_cases{") && line.contains("state=\"open\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    /** The answer without the times left or past due, which the two instances compute at their own instants. */
    private static JsonNode stable(final JsonNode answer) {
        final JsonNode copy = answer.deepCopy();
        copy.findParents("remainingWorkingTime").forEach(node -> ((ObjectNode) node).remove("remainingWorkingTime"));
        copy.findParents("overdueBy").forEach(node -> ((ObjectNode) node).remove("overdueBy"));
        return copy;
    }

    private static Set<String> unitsOf(final JsonNode report) {
        final Set<String> units = new TreeSet<>();
        report.get("kpis").forEach(row -> units.add(row.get("unitId").asText()));
        return units;
    }

    private static String unitId(final int unit) {
        return "UBND-TEST-%02d".formatted(unit);
    }

    private static String caseId(final int unit, final int number) {
        return "U%02d-C%d".formatted(unit, number);
    }

    private static Map<String, Object> properties(final int port, final Path users) {
        final Map<String, Object> properties = new HashMap<>();
        properties.put("tthc.topics.events", prefix + "-events");
        properties.put("tthc.topics.rejected", prefix + "-rejected");
        properties.put("tthc.topics.kpi-rows", prefix + "-kpi-rows");
        properties.put("tthc.topics.alerts", prefix + "-alerts");
        properties.put("tthc.topics.alert-history", prefix + "-alert-history");
        properties.put("tthc.topics.case-warnings", prefix + "-case-warnings");
        properties.put("tthc.actions.topic", prefix + "-corrective-actions");
        properties.put("tthc.actions.link-key", LINK_KEY);
        properties.put("tthc.topics.replication-factor", "3");
        properties.put("kafka.streams.default.replication.factor", "3");
        properties.put("kafka.bootstrap.servers", cluster.bootstrapServers());
        properties.put("kafka.streams.default.application.id", prefix);
        properties.put("kafka.streams.default.state.dir", TestDirectories.fresh("instance").toString());
        properties.put("kafka.streams.default.commit.interval.ms", "200");
        // the loss of an instance is noticed after this (45 s by default): the test's 60 s include it
        properties.put("kafka.streams.default.consumer.session.timeout.ms", "10000");
        properties.put("kafka.streams.default.consumer.heartbeat.interval.ms", "1000");
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("tthc.instance.advertised-url", "http://127.0.0.1:" + port);
        properties.put("tthc.pipeline.standby-replicas", "1");
        properties.put("tthc.operator-key", OPERATOR_KEY);
        properties.put("tthc.security.required", "true");
        properties.put("tthc.security.users-file", users.toString());
        properties.put("tthc.metrics.refresh", "1s");
        return properties;
    }

    /** kpi-streams in a JVM of its own, with the test's classpath, configured by system properties. */
    private static Process startChild(final Map<String, Object> properties) throws IOException {
        final String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-cp", classpath));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("vn.tthc.monitor.kpi.KpiStreamsApplication");
        final Path log = TestDirectories.fresh("instance-b").resolve("instance-b.log");
        System.out.println("instance B logs to " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void send(final List<String> lines) {
        for (final String line : lines) {
            final byte[] value = line.getBytes(StandardCharsets.UTF_8);
            final byte[] key = EventParser.parse(value) instanceof ParseResult.Valid valid
                ? valid.event().key().getBytes(StandardCharsets.UTF_8) : null;
            producer.send(new ProducerRecord<>(prefix + "-events", key, value));
        }
        producer.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int status(final String url, final String path) {
        try {
            return get(url, path).statusCode();
        } catch (final UncheckedIOException e) {
            return -1;
        }
    }

    private static JsonNode json(final String url, final String path) throws IOException {
        final HttpResponse<String> response = get(url, path);
        assertThat(response.statusCode()).as(url + path + " " + response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> get(final String url, final String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + OPERATOR_KEY)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
