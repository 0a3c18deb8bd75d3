package vn.tthc.monitor.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.gateway.RunningGateway;

/** Accepted events reach the topic byte for byte with the contract's key; the others do not. */
class EventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        gateway = new RunningGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private static final String RECEIVED = "{ \"eventId\" : \"r-1\", \"type\":\"case.received\","
        + "\"occurredAt\":\"2026-03-02T08:15:00+07:00\",\"source\":\"so-tnmt\",\"caseId\":\"H12.1-0001\","
        + "\"unitId\":\"UBND-P-VTS\",\"fieldId\":\"DAT_DAI\",\"procedureId\":\"1.004227\",\"channel\":\"COUNTER\","
        + "\"onlineEligible\":false,\"dueAt\":\"2026-03-10T17:00:00+07:00\",\"ghiChu\":\"Tiếp nhận tại quầy\"}";
    private static final String SURVEY = "{\"eventId\":\"s-1\",\"type\":\"survey.submitted\","
        + "\"occurredAt\":\"2026-03-03T09:00:00Z\",\"source\":\"so-tnmt\",\"unitId\":\"UBND-P-VTS\","
        + "\"rating\":\"SATISFIED\"}";
    private static final String FEEDBACK = "{\"eventId\":\"f-1\",\"type\":\"feedback.received\","
        + "\"occurredAt\":\"2026-03-03T09:00:00+07:00\",\"source\":\"so-tnmt\",\"feedbackId\":\"PAKN-7\","
        + "\"unitId\":\"UBND-P-VTS\",\"dueAt\":\"2026-03-13T09:00:00+07:00\"}";
    private static final String MISSING_CASE_ID = "{\"eventId\":\"bad-1\",\"type\":\"case.resolved\","
        + "\"occurredAt\":\"2026-03-04T10:00:00+07:00\",\"source\":\"so-tnmt\",\"result\":\"APPROVED\"}";
    private static final String NO_SOURCE = "{\"eventId\":\"nosrc-1\",\"type\":\"case.returned\","
        + "\"occurredAt\":\"2026-03-04T10:00:00+07:00\",\"caseId\":\"H12.1-0001\"}";

    /** The source-less event as the gateway writes it: with its key's source, the rest unchanged. */
    private static final String NO_SOURCE_WRITTEN = "{\"eventId\":\"nosrc-1\",\"type\":\"case.returned\","
        + "\"occurredAt\":\"2026-03-04T10:00:00+07:00\",\"caseId\":\"H12.1-0001\",\"source\":\"so-tnmt\"}";

    private static Map<String, String> valuesByKey(final List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().collect(Collectors.toMap(r -> new String(r.key(), StandardCharsets.UTF_8),
            r -> new String(r.value(), StandardCharsets.UTF_8)));
    }

    @Test
    void accepted_events_are_written_byte_for_byte_keyed_by_case_unit_or_feedback_a_source_less_one_with_the_keys_source()
        throws IOException {
        final String body = "[\n  " + RECEIVED + ",\n  " + MISSING_CASE_ID + ",\n  " + SURVEY + ",\n  42,\n  "
            + FEEDBACK + ",\n  " + NO_SOURCE + "\n]";
        final HttpResponse<String> response = gateway.post("/api/v1/events", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        final JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").intValue()).isEqualTo(4);
        assertThat(answer.get("rejected").intValue()).isEqualTo(2);
        final JsonNode results = answer.get("results");
        assertThat(results.findValuesAsText("status"))
            .containsExactly("accepted", "rejected", "accepted", "rejected", "accepted", "accepted");
        assertThat(results.get(1).get("eventId").textValue()).isEqualTo("bad-1");
        assertThat(results.get(1).get("reason").textValue()).isEqualTo("missing required field 'caseId'");
        assertThat(results.get(3).get("eventId").isNull()).isTrue();
        assertThat(results.get(3).get("reason").textValue()).contains("not a JSON object");
        assertThat(results.get(0).has("reason")).isFalse();

        final List<ConsumerRecord<byte[], byte[]>> records = gateway.records();
        assertThat(records).hasSize(4);
        final Map<String, String> written = records.stream().collect(Collectors.toMap(
            r -> new String(r.value(), StandardCharsets.UTF_8), r -> new String(r.key(), StandardCharsets.UTF_8)));
        assertThat(written).containsExactlyInAnyOrderEntriesOf(Map.of(RECEIVED, "H12.1-0001", SURVEY, "UBND-P-VTS",
            FEEDBACK, "PAKN-7", NO_SOURCE_WRITTEN, "H12.1-0001"));
    }

    @Test
    void ndjson_lines_are_events_and_blank_lines_are_skipped() throws IOException {
        final String body = RECEIVED + "\r\n\n   \n" + SURVEY + "\n";
        final HttpResponse<String> response = gateway.post("/api/v1/events", EventsController.NDJSON, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        final JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("accepted", "accepted");
        assertThat(results.get(1).get("index").intValue()).isEqualTo(1);
        assertThat(valuesByKey(gateway.records())).containsExactlyInAnyOrderEntriesOf(Map.of(
            "H12.1-0001", RECEIVED, "UBND-P-VTS", SURVEY));
    }

    @Test
    void an_event_id_seen_in_the_same_request_or_accepted_before_is_a_duplicate_and_written_once()
        throws IOException {
        final String sameIdOtherContent = SURVEY.replace("SATISFIED", "DISSATISFIED").replace("\"s-1\"", "\"r-1\"");
        final JsonNode first = JSON.readTree(gateway.post("/api/v1/events", "application/json",
            "[" + RECEIVED + "," + sameIdOtherContent + "]").body());
        assertThat(first.get("results").findValuesAsText("status")).containsExactly("accepted", "duplicate");
        assertThat(first.get("results").get(1).get("reason").textValue()).isEqualTo("eventId already accepted in this request");

        final JsonNode again = JSON.readTree(gateway.post("/api/v1/events", "application/json",
            "[" + RECEIVED + "]").body());
        assertThat(again.get("results").findValuesAsText("status")).containsExactly("duplicate");
        assertThat(again.get("duplicate").intValue()).isEqualTo(1);

        assertThat(gateway.records()).hasSize(1);
    }

    @Test
    void an_event_id_accepted_from_another_source_is_refused_with_the_reason_not_a_duplicate() throws IOException {
        final String fromOther = SURVEY.replace("\"so-tnmt\"", "\"" + RunningGateway.OTHER_SOURCE + "\"");
        final JsonNode first = JSON.readTree(gateway.post("/api/v1/events", "application/json",
            ("[" + fromOther + "]").getBytes(StandardCharsets.UTF_8),
            Map.of("X-Api-Key", RunningGateway.OTHER_KEY)).body());
        assertThat(first.get("results").findValuesAsText("status")).containsExactly("accepted");

        final String sameIdHere = RECEIVED.replace("\"r-1\"", "\"s-1\"");
        final JsonNode answer = JSON.readTree(gateway.post("/api/v1/events", "application/json",
            "[" + sameIdHere + "," + FEEDBACK + "]").body());
        assertThat(answer.get("results").findValuesAsText("status")).containsExactly("rejected", "accepted");
        assertThat(answer.get("results").get(0).get("reason").textValue())
            .isEqualTo("eventId already accepted from source '" + RunningGateway.OTHER_SOURCE + "'");
        assertThat(valuesByKey(gateway.records())).containsExactlyInAnyOrderEntriesOf(Map.of(
            "UBND-P-VTS", fromOther, "PAKN-7", FEEDBACK));
    }

    @Test
    void a_rejected_event_reserves_no_event_id() throws IOException {
        final String invalidFirst = RECEIVED.replace("\"COUNTER\"", "\"FAX\"");
        final JsonNode answer = JSON.readTree(gateway.post("/api/v1/events", "application/json",
            "[" + invalidFirst + "," + RECEIVED + "]").body());
        assertThat(answer.get("results").findValuesAsText("status")).containsExactly("rejected", "accepted");
        assertThat(valuesByKey(gateway.records())).containsExactlyEntriesOf(Map.of("H12.1-0001", RECEIVED));
    }

    @Test
    void health_prometheus_and_openapi_are_served() {
        final HttpResponse<String> health = gateway.get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).as("details are the operator's (GatewayErrorsIT)").contains("\"UP\"")
            .doesNotContain(gateway.topic());

        gateway.post("/api/v1/events", "application/json", "[" + RECEIVED + "," + MISSING_CASE_ID + "]");
        final String metrics = gateway.get("/prometheus").body();
        assertThat(metrics).contains("tthc_gateway_events_total{outcome=\"accepted\",source=\"so-tnmt\"} 1.0")
            .contains("tthc_gateway_events_total{outcome=\"rejected\",source=\"so-tnmt\"} 1.0")
            .contains("tthc_gateway_request_duration_seconds_bucket");

        final HttpResponse<String> openApi = gateway.get("/swagger/tthc-monitor-ingest-gateway-1.yml");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/events").contains("/api/v1/status-sync");
    }
}
