package vn.tthc.monitor.kpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The report archive on a real broker: verdicts produced to the verdicts topic (as the verdict stage writes them)
 * are archived once each as PDF reports in the compacted reports topic; the evaluation's PDF is then the archived
 * bytes, the same after a restart of the service; a correction replaces it; {@code /api/v1/verdicts} lists both;
 * a broken verdict record goes to the failures topic with its reason, logged and counted, and the next is archived.
 */
class ReportArchiveIT {

    private static final String WARD = "UBND-P-VTS";
    private static final String WARD_NAME = "UBND phường Võ Thị Sáu";
    private static final String OTHER_WARD = "UBND-TP";
    private static final Instant FINAL_AT = Instant.parse("2026-04-15T01:30:00Z");

    private static final String PREFIX = "archive-it-" + UUID.randomUUID();
    private static final String VERDICTS = PREFIX + "-verdicts";
    private static final String REPORTS = PREFIX + "-verdict-reports";
    private static final String FAILURES = PREFIX + "-verdict-report-failures";

    private static RunningService service;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(VERDICTS, 2, (short) 1))).all().get();
        }
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        service = new RunningService(properties());
        final List<String> lines = ExampleFiles.lines("basic.events.jsonl");
        service.send(lines);
        final JsonNode expected = ContractJson.mapper().valueToTree(InMemoryKpis.report(lines,
            TargetsFile.read(ExampleFiles.example("basic.targets.yaml")),
            OrganisationFile.read(ExampleFiles.example("basic.units.yaml"))));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            final HttpResponse<String> report = service.get("/api/v1/report");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(ReportComparison.differences(ContractJson.mapper().readTree(report.body()), expected)).isEmpty();
        });
    }

    private static Map<String, Object> properties() {
        final Map<String, Object> properties = new HashMap<>();
        properties.put("tthc.targets.file", ExampleFiles.example("basic.targets.yaml").toString());
        properties.put("tthc.units.file", ExampleFiles.example("basic.units.yaml").toString());
        properties.put("tthc.topics.verdicts", VERDICTS);
        properties.put("tthc.topics.verdict-reports", REPORTS);
        properties.put("tthc.topics.verdict-report-failures", FAILURES);
        properties.put("tthc.archive.retry-backoff", "200ms");
        return properties;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aVerdictIsArchivedOnceAndItsPdfIsTheSameBytesAfterARestartUntilACorrection() throws Exception {
        final PeriodVerdict verdict = verdict(WARD, 0, 3, 1);
        produce(verdict);
        final VerdictReport archived = awaitReport(WARD, 0);
        assertThat(archived.verdict()).isEqualTo(verdict);

        final String path = "/api/v1/units/" + WARD + "/evaluations/2026-Q1?format=pdf&scope=own";
        final byte[] first = pdf(path);
        assertThat(first).isEqualTo(archived.reportPdf());
        assertThat(pdf(path)).isEqualTo(first);
        final String text = text(first);
        assertThat(text).contains(WARD_NAME, "Quý 1 năm 2026", "Chính thức", "kết luận ngày "
            + VietnameseFormat.dateTime(FINAL_AT), "Kết luận (bản số 0").doesNotContain("Tạm tính", "Đính chính");
        assertThat(text).contains("đạt 3, không đạt 1, chưa đủ số lượng 0", "Tất cả lĩnh vực Tỷ lệ hồ sơ giải quyết đúng hạn")
            .as("the evaluation holds the ward's figures of the quarter").doesNotContain("giải quyết đúng hạn 98,00% — 0/0");

        final HttpResponse<String> html = service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q1");
        assertThat(html.body()).contains("Chính thức</span> – kết luận ngày " + VietnameseFormat.dateTime(FINAL_AT));
        assertThat(service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q1?scope=subtree").body())
            .as("the subtree scope has no verdict: provisional by the calendar as before").doesNotContain("kết luận ngày");

        final RunningService before = service;
        service = null;
        before.close();
        service = RunningService.restartOf(before, properties());
        await().atMost(Duration.ofSeconds(60)).until(() -> service.get(path).statusCode() == 200);
        assertThat(pdf(path)).as("the archived bytes, read back from the topic after a restart").isEqualTo(first);

        final PeriodVerdict correction = verdict(WARD, 1, 2, 2);
        produce(correction);
        final VerdictReport corrected = awaitReport(WARD, 1);
        assertThat(reports(WARD)).as("each revision archived once, across the restart").hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> java.util.Arrays.equals(pdf(path), corrected.reportPdf()));
        assertThat(text(corrected.reportPdf())).contains("bản đính chính số 1", "đính chính bản số 0 (kết luận ban đầu)",
            "Kết luận (bản số 1");

        final JsonNode listed = ContractJson.mapper().readTree(service.get("/api/v1/verdicts?unit=" + WARD + "&period=2026-Q1")
            .body());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("revision").asInt()).isZero();
        assertThat(listed.get(0).get("latest").asBoolean()).isFalse();
        assertThat(listed.get(0).get("counts").get("NOT_MET").asInt()).isEqualTo(1);
        assertThat(listed.get(1).get("revision").asInt()).isEqualTo(1);
        assertThat(listed.get(1).get("latest").asBoolean()).isTrue();
        assertThat(listed.get(1).get("counts").get("MET").asInt()).isEqualTo(2);
        assertThat(listed.get(1).get("reportPath").asText()).isEqualTo(path);
        assertThat(ContractJson.mapper().readTree(service.get("/api/v1/verdicts?unit=" + OTHER_WARD + "&period=2026-Q1")
            .body()).findValuesAsText("unitId")).doesNotContain(WARD);
    }

    @Test
    void aBrokenVerdictRecordIsSkippedWithItsReasonAndTheNextIsArchived() throws Exception {
        final Logger logger = (Logger) LoggerFactory.getLogger(ReportArchiver.class);
        final ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            final long failedBefore = service.context().getBean(ReportArchiver.class).failed();
            producer.send(new ProducerRecord<>(VERDICTS, key(OTHER_WARD), "{not a verdict".getBytes(StandardCharsets.UTF_8)))
                .get();
            produce(verdict("NO-SUCH-UNIT", 0, 1, 0));
            produce(verdict(OTHER_WARD, 0, 1, 0));
            awaitReport(OTHER_WARD, 0);

            final List<ConsumerRecord<byte[], byte[]>> failures = readAll(FAILURES, 2);
            assertThat(failures).hasSize(2);
            assertThat(failures).extracting(r -> header(r, "tthc.rejection.reason"))
                .anySatisfy(reason -> assertThat(reason).startsWith("không đọc được kết luận"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo("không tìm thấy đơn vị NO-SUCH-UNIT"));
            assertThat(failures).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .contains("{not a verdict");
            assertThat(service.context().getBean(ReportArchiver.class).failed() - failedBefore).isEqualTo(2);
            assertThat(log.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("không đọc được kết luận", "skipped"))
                .anySatisfy(m -> assertThat(m).contains("không tìm thấy đơn vị NO-SUCH-UNIT"));
            assertThat(service.get("/prometheus").body()).contains("tthc_verdict_reports_failed_total",
                "tthc_verdict_reports_archived_total");
        } finally {
            logger.detachAppender(log);
        }
    }

    private static PeriodVerdict verdict(final String unit, final int revision, final int met, final int notMet) {
        final List<ObjectiveVerdict> objectives = new ArrayList<>();
        for (int i = 0; i < met; i++) {
            objectives.add(new ObjectiveVerdict("F" + i, Kpi.ON_TIME_RATE, Verdict.MET, 1.0, 0.95, 10, 1));
        }
        for (int i = 0; i < notMet; i++) {
            objectives.add(new ObjectiveVerdict("G" + i, Kpi.ON_TIME_RATE, Verdict.NOT_MET, 0.5, 0.95, 10, 1));
        }
        return new PeriodVerdict(unit, "2026-Q1", Scope.OWN, revision, FINAL_AT, PeriodVerdict.FinalReason.CUT_OFF,
            objectives, revision, revision == 0 ? null : FINAL_AT.plusSeconds(3600), Instant.now());
    }

    private static byte[] key(final String unit) throws IOException {
        return ContractJson.mapper().writeValueAsBytes(List.of(unit, "2026-Q1", "own"));
    }

    private static void produce(final PeriodVerdict verdict) throws Exception {
        producer.send(new ProducerRecord<>(VERDICTS, ContractJson.mapper().writeValueAsBytes(verdict.key()),
            ContractJson.mapper().writeValueAsBytes(verdict))).get();
    }

    private static VerdictReport awaitReport(final String unit, final int revision) {
        final List<VerdictReport> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found.clear();
            reports(unit).stream().filter(r -> r.verdict().revision() == revision).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Every archived report of {@code unit}, read_committed from the start of the reports topic. */
    private static List<VerdictReport> reports(final String unit) throws IOException {
        final List<VerdictReport> reports = new ArrayList<>();
        for (final ConsumerRecord<byte[], byte[]> record : readAll(REPORTS, 0)) {
            final VerdictReport report = ContractJson.mapper().readValue(record.value(), VerdictReport.class);
            if (report.verdict().unitId().equals(unit)) {
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("[\"" + unit + "\",\"2026-Q1\",\"own\",\""
                    + report.verdict().revision() + "\"]");
                reports.add(report);
            }
        }
        return reports;
    }

    /** The records of {@code topic} up to its end (read_committed), waiting until there are at least {@code atLeast}. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(final String topic, final int atLeast) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            final Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (System.nanoTime() < deadline
                && (records.size() < atLeast || partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name) {
        final var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] pdf(final String path) throws Exception {
        final HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            service.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL() + path))
            .header("Authorization", "Bearer " + RunningService.OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        return response.body();
    }

    private static String text(final byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            final PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
