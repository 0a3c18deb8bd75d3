package vn.tthc.monitor.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;
import vn.tthc.monitor.testing.TestKafkaCluster;

/** The query API, health, metrics and OpenAPI of a running kpi-streams fed with the basic example on a real broker. */
class KpiApiIT {

    private static RunningService service;
    /** Every log line of the JVM from before the service starts: the meter registrations happen at its start. */
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void feedTheBasicExample() {
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
        // ended periods are judged final every second, not every minute
        service = new RunningService(Map.of("tthc.verdicts.check-interval", "1s"));
        service.send(ExampleFiles.lines("basic.events.jsonl"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(ReportComparison.differences(json(service.get("/api/v1/report")),
                ContractJson.mapper().readTree(ExampleFiles.example("basic.report.json").toFile()))).isEmpty());
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        service.close();
    }

    @Test
    void theReportListsEveryRowWithAllCountersAndNoBreachBelowMinVolume() throws Exception {
        final JsonNode report = json(service.get("/api/v1/report"));
        assertThat(report.get("kpis")).hasSize(24)
            .allSatisfy(row -> assertThat(row.get("scope").asText()).isEqualTo("own"));
        assertThat(report.get("breaches")).isEmpty();
        assertThat(report.get("rejected").asLong()).isEqualTo(4);
    }

    @Test
    void aUnitsRowsCarryTheirKpisJudgedAgainstTheTargets() throws Exception {
        final JsonNode rows = json(service.get("/api/v1/units/UBND-P-VTS/kpis"));
        assertThat(rows).hasSize(16);
        final JsonNode march = find(rows, "*", "2026-03");
        assertThat(march.at("/counters/resolved").asLong()).isEqualTo(7);
        final JsonNode onTime = march.get("kpis").get(0);
        assertThat(onTime.get("kpi").asText()).isEqualTo("onTimeRate");
        assertThat(onTime.get("value").asDouble()).isEqualTo(5.0 / 7);
        assertThat(onTime.get("target").asDouble()).isEqualTo(0.98);
        assertThat(onTime.get("breached").asBoolean()).isFalse();
        // C10, received in March, is still open: March became final at its cut-off, the 10th working day after it
        // (14/04/2026), from 15/04 00:00 in Vietnam
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonNode settled = find(json(service.get("/api/v1/units/UBND-P-VTS/kpis")), "*", "2026-03");
            assertThat(settled.get("finality").asText()).isEqualTo("final");
            assertThat(settled.get("finalFrom").asText()).isEqualTo("2026-04-14T17:00:00Z");
            assertThat(settled.get("correctedAfterFinal").asLong()).isZero();
            assertThat(settled.get("lastCorrectedAt").isNull()).isTrue();
        });
    }

    @Test
    void anUnknownUnitIsNotFound() {
        assertThat(service.get("/api/v1/units/NO-SUCH-UNIT/kpis").statusCode()).isEqualTo(404);
    }

    @Test
    void aPausedCaseShowsItsPauseAndMovedDueTime() throws Exception {
        final JsonNode c4 = json(service.get("/api/v1/cases/C4"));
        assertThat(c4.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(c4.get("dueAt").asText()).isEqualTo("2026-03-10T10:00:00Z");
        assertThat(c4.get("effectiveDue").asText()).isEqualTo("2026-03-12T10:00:00Z");
        assertThat(c4.get("pauses")).hasSize(1);
        assertThat(c4.get("classification").asText()).isEqualTo("ON_TIME");
        assertThat(c4.get("remainingWorkingTime").isNull()).isTrue();
    }

    @Test
    void anOpenCasePastItsDueTimeIsOverdueAndAnOrphanIsNotReceived() throws Exception {
        final JsonNode c10 = json(service.get("/api/v1/cases/C10"));
        assertThat(c10.get("status").asText()).isEqualTo("OVERDUE");
        // an ISO-8601 duration, negative past the due time
        assertThat(Duration.parse(c10.get("remainingWorkingTime").asText())).isNegative();
        assertThat(json(service.get("/api/v1/cases/C11")).get("status").asText()).isEqualTo("NOT_RECEIVED");
        assertThat(service.get("/api/v1/cases/NO-SUCH-CASE").statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenCaseIsCountedAndListedAsOverdue() throws Exception {
        final JsonNode counts = json(service.get("/api/v1/open-cases")).get("UBND-P-VTS");
        assertThat(counts.get("open").asLong()).isEqualTo(1);
        assertThat(counts.get("overdue").asLong()).isEqualTo(1);
        final JsonNode overdue = json(service.get("/api/v1/units/UBND-P-VTS/overdue-cases"));
        assertThat(overdue).singleElement().satisfies(c -> assertThat(c.get("caseId").asText()).isEqualTo("C10"));
        assertThat(service.get("/api/v1/units/NO-SUCH-UNIT/overdue-cases").statusCode()).isEqualTo(404);
    }

    @Test
    void rejectedEventsGoToTheDeadLetterTopicWithTheirBytesReasonAndOffset() {
        final List<ConsumerRecord<byte[], byte[]>> rejected = readAll(service.topic("rejected"), 4);
        assertThat(rejected).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
            .containsExactlyInAnyOrderElementsOf(ExampleFiles.lines("basic.events.jsonl").subList(40, 44));
        assertThat(rejected).extracting(r -> RejectionHeaders.read(r.headers(), RejectionHeaders.REASON))
            .contains("unknown type 'case.archived'", "field 'rating' must be one of VERY_SATISFIED, SATISFIED,"
                + " DISSATISFIED, was 'OK'");
        assertThat(rejected).allSatisfy(r -> {
            assertThat(RejectionHeaders.read(r.headers(), RejectionHeaders.SOURCE_TOPIC)).isEqualTo(service.topic("events"));
            assertThat(RejectionHeaders.read(r.headers(), RejectionHeaders.SOURCE_OFFSET)).matches("\\d+");
        });
    }

    @Test
    void thePipelineCountsRejectedAndDuplicateDeliveries() throws Exception {
        final JsonNode counts = json(service.get("/api/v1/pipeline"));
        assertThat(counts.at("/rejectedBySource").properties()).isNotEmpty();
        assertThat(counts.get("rejected").asLong()).isEqualTo(4);
        assertThat(counts.get("duplicates").asLong()).isEqualTo(1);
        // 44 lines less 4 rejected and 1 duplicate; another test of this class may have sent 2 more
        assertThat(counts.get("accepted").asLong()).isIn(39L, 41L);
    }

    @Test
    void healthShowsTheOperatorThePipelineRunning() {
        final HttpResponse<String> health = service.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "kafkaStreams", "\"pipeline\"", "RUNNING");
    }

    @Test
    void healthShowsOnlyUpToAnonymousCallers() throws Exception {
        final HttpResponse<String> health = service.get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        // Micronaut writes the absent fields as null (jackson serialization-inclusion: always)
        assertThat(ContractJson.mapper().readTree(health.body()))
            .isEqualTo(ContractJson.mapper().readTree("{\"name\":null,\"status\":\"UP\",\"details\":null}"));
    }

    @Test
    void healthRefusesAWrongOperatorKey() {
        for (final String authorization : List.of("Bearer wrong-key", "Bearer ", "Basic " + RunningService.OPERATOR_KEY)) {
            final HttpResponse<String> health = service.get("/health", authorization);
            assertThat(health.statusCode()).as(authorization).isEqualTo(401);
            assertThat(health.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(health.body()).contains("unknown operator key").doesNotContain("RUNNING");
        }
    }

    @Test
    void prometheusServesTheKpisOfTheCurrentPeriodsAndTheIntakeCounts() {
        final Instant now = Instant.now();
        service.send(List.of(
            "{\"eventId\":\"now-1\",\"type\":\"case.received\",\"occurredAt\":\"" + now.minusSeconds(1)
                + "\",\"caseId\":\"NOW-1\",\"unitId\":\"UNIT-NOW\",\"fieldId\":\"HO_TICH\",\"procedureId\":\"1.1\","
                + "\"channel\":\"ONLINE\",\"onlineEligible\":true,\"dueAt\":\"" + now.plusSeconds(3600) + "\"}",
            "{\"eventId\":\"now-2\",\"type\":\"case.resolved\",\"occurredAt\":\"" + now
                + "\",\"caseId\":\"NOW-1\",\"result\":\"APPROVED\"}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(service.get("/prometheus").body())
            .contains("tthc_kpi_ratio{field=\"*\",kpi=\"onTimeRate\",period=\"month\",scope=\"own\",unit=\"UNIT-NOW\"} 1.0",
                "tthc_kpi_volume{field=\"HO_TICH\",kpi=\"onlineRate\",period=\"month\",scope=\"own\",unit=\"UNIT-NOW\"} 1.0",
                "tthc_kpi_target{field=\"*\",kpi=\"onTimeRate\",scope=\"own\",unit=\"UNIT-NOW\"} 0.98",
                "tthc_kpi_breached{field=\"*\",kpi=\"onTimeRate\",period=\"month\",scope=\"own\",unit=\"UNIT-NOW\"} 0.0",
                "tthc_events_total{outcome=\"rejected\",source=\"unknown\"} 4.0",
                "tthc_events_total{outcome=\"duplicate\",source=\"unknown\"} 1.0",
                "tthc_cases{state=\"overdue\",unit=\"UBND-P-VTS\"} 1.0",
                "# TYPE tthc_events_total counter", "tthc_pipeline_lag_records ", "kafka_streams_records_consumed_rate{",
                "kafka_streams_client_state{")
            .doesNotContain("tthc_kpi_ratio{field=\"HO_TICH\",kpi=\"onlineRate\",period=\"year\""));
    }

    @Test
    void everyMeterIsRegisteredWithoutACollision() {
        final List<String> messages;
        synchronized (LOG) {
            messages = LOG.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertThat(messages).as("the service's log").isNotEmpty().noneMatch(line -> line.contains("registration has failed"));
        assertThat(service.get("/prometheus").body()).contains("kafka_streams_process_rate ", "kafka_streams_commit_latency_avg_seconds ");
    }

    @Test
    void theOpenApiDocumentDescribesTheQueries() {
        final HttpResponse<String> openApi = service.get("/swagger/tthc-monitor-kpi-query-api-1.yml");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/report", "/api/v1/units/{unitId}/kpis", "/api/v1/cases/{caseId}",
            "/api/v1/breaches");
    }

    private static JsonNode find(final JsonNode rows, final String field, final String period) {
        for (final JsonNode row : rows) {
            if (row.get("fieldId").asText().equals(field) && row.get("period").asText().equals(period)) {
                return row;
            }
        }
        throw new AssertionError("no row " + field + " " + period + " in " + rows);
    }

    private static JsonNode json(final HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(final String topic, final int expected) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
