package vn.tthc.monitor.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.gateway.LogLines;
import vn.tthc.monitor.gateway.RunningGateway;

/** Each error status of the API, by real HTTP calls to a running gateway on a real broker. */
class GatewayErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String OPERATOR_KEY = "tthc_test-operator-key";
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new RunningGateway(Map.of("micronaut.server.max-request-size", "64KB",
            "tthc.gateway.operator-key", OPERATOR_KEY));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static String received(final String eventId, final String source) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"case.received\",\"occurredAt\":\"2026-03-02T08:15:00+07:00\","
            + "\"source\":\"" + source + "\",\"caseId\":\"C-" + eventId + "\",\"unitId\":\"U1\",\"fieldId\":\"DAT_DAI\","
            + "\"procedureId\":\"1.000001\",\"channel\":\"ONLINE\",\"onlineEligible\":true,"
            + "\"dueAt\":\"2026-03-10T17:00:00+07:00\"}";
    }

    private static JsonNode problem(final HttpResponse<String> response, final int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/problem+json"));
        final JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("type").textValue()).startsWith("urn:tthc-monitor:problem:");
        assertThat(problem.get("title").textValue()).isNotBlank();
        assertThat(problem.get("detail").textValue()).isNotBlank();
        return problem;
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_request_without_a_key_is_401() throws IOException {
        final HttpResponse<String> response = gateway.post("/api/v1/events", JSON_TYPE,
            utf8("[" + received("no-key", RunningGateway.SOURCE) + "]"), Map.of());
        problem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void a_request_with_an_unknown_key_is_401_by_either_header() throws IOException {
        final byte[] body = utf8("[" + received("wrong-key", RunningGateway.SOURCE) + "]");
        problem(gateway.post("/api/v1/events", JSON_TYPE, body, Map.of("Authorization", "Bearer tthc_not-a-key")), 401);
        problem(gateway.post("/api/v1/events", JSON_TYPE, body, Map.of("X-Api-Key", "tthc_not-a-key")), 401);
        problem(gateway.post("/api/v1/status-sync", JSON_TYPE, utf8("{}"), Map.of("X-Api-Key", "tthc_not-a-key")), 401);
    }

    @Test
    void events_of_another_source_refuse_the_whole_request_with_403_naming_them() throws IOException {
        final String body = "[" + received("own-1", RunningGateway.SOURCE) + ","
            + received("foreign-1", RunningGateway.OTHER_SOURCE) + "]";
        final JsonNode problem = problem(gateway.post("/api/v1/events", JSON_TYPE, body), 403);
        assertThat(problem.get("events")).hasSize(1);
        assertThat(problem.get("events").get(0).get("index").intValue()).isEqualTo(1);
        assertThat(problem.get("events").get(0).get("eventId").textValue()).isEqualTo("foreign-1");
        assertThat(problem.get("events").get(0).get("source").textValue()).isEqualTo(RunningGateway.OTHER_SOURCE);
        assertThat(gateway.records()).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("own-1"));
    }

    @Test
    void a_body_that_is_not_json_or_not_an_array_or_a_broken_ndjson_line_is_400() throws IOException {
        problem(gateway.post("/api/v1/events", JSON_TYPE, "[" + received("broken", RunningGateway.SOURCE)), 400);
        problem(gateway.post("/api/v1/events", JSON_TYPE, received("not-array", RunningGateway.SOURCE)), 400);
        problem(gateway.post("/api/v1/events", JSON_TYPE, "not json at all"), 400);
        final JsonNode ndjson = problem(gateway.post("/api/v1/events", EventsController.NDJSON,
            received("line-1", RunningGateway.SOURCE) + "\n{\"eventId\": oops}\n"), 400);
        assertThat(ndjson.get("detail").textValue()).startsWith("line 2:");
        problem(gateway.post("/api/v1/status-sync", JSON_TYPE, "{\"MaHoSo\":"), 400);
        assertThat(gateway.records()).isEmpty();
    }

    @Test
    void a_body_above_the_maximum_size_is_413() throws IOException {
        final StringBuilder body = new StringBuilder("[");
        for (int i = 0; body.length() < 70 * 1024; i++) {
            body.append(i == 0 ? "" : ",").append(received("big-" + i, RunningGateway.SOURCE));
        }
        problem(gateway.post("/api/v1/events", JSON_TYPE, body.append("]").toString()), 413);
    }

    @Test
    void another_media_type_or_charset_is_415() throws IOException {
        final String body = "[" + received("media", RunningGateway.SOURCE) + "]";
        problem(gateway.post("/api/v1/events", "text/plain", body), 415);
        problem(gateway.post("/api/v1/events", "application/json; charset=ISO-8859-1", body), 415);
        problem(gateway.post("/api/v1/status-sync", EventsController.NDJSON, "{}"), 415);
    }

    @Test
    void a_utf_16_or_unknown_charset_is_415_on_every_endpoint() throws IOException {
        final Map<String, String> key = Map.of("X-Api-Key", RunningGateway.SOURCE_KEY);
        for (final String path : new String[] {"/api/v1/events", "/api/v1/status-sync"}) {
            for (final String type : new String[] {"application/json; charset=utf-16", "application/json; charset=bogus",
                EventsController.NDJSON + "; charset=\"UTF-16LE\""}) {
                final byte[] body = type.contains("16") ? "[]".getBytes(StandardCharsets.UTF_16) : utf8("[]");
                final JsonNode problem = problem(gateway.post(path, type, body, key), 415);
                assertThat(problem.get("type").textValue()).isEqualTo("urn:tthc-monitor:problem:unsupported-media-type");
                assertThat(problem.get("detail").textValue()).as(path + " " + type)
                    .matches("the body must be UTF-8; charset '(utf-16|bogus|utf-16le)' is not accepted");
            }
        }
        problem(gateway.get("/health", Map.of("Content-Type", "application/json; charset=bogus")), 415);
        assertThat(gateway.post("/api/v1/events", "application/json; charset=UTF-8", utf8("[]"), key).statusCode())
            .isEqualTo(200);
        assertThat(gateway.records()).isEmpty();
    }

    @Test
    void health_shows_details_only_to_the_operator_key() throws IOException {
        final HttpResponse<String> anonymous = gateway.get("/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertStatusOnly(anonymous.body());

        final HttpResponse<String> operator = gateway.get("/health", Map.of("Authorization", "Bearer " + OPERATOR_KEY));
        assertThat(operator.statusCode()).isEqualTo(200);
        final JsonNode details = JSON.readTree(operator.body()).get("details");
        assertThat(details.get("eventsTopic").get("details").get("topic").textValue()).isEqualTo(gateway.topic());
        assertThat(details.get("eventsTopic").get("details").get("clusterId").textValue()).isNotBlank();
        assertThat(details.has("diskSpace")).isTrue();

        problem(gateway.get("/health", Map.of("Authorization", "Bearer " + RunningGateway.SOURCE_KEY)), 401);
    }

    /** Micronaut writes the absent fields as null (jackson serialization-inclusion: always). */
    private static void assertStatusOnly(final String health) throws IOException {
        assertThat(JSON.readTree(health)).isEqualTo(JSON.readTree("{\"name\":null,\"status\":\"UP\",\"details\":null}"));
    }

    @Test
    void health_shows_details_to_nobody_when_no_operator_key_is_configured() throws IOException {
        try (RunningGateway keyless = new RunningGateway()) {
            assertStatusOnly(keyless.get("/health").body());
            problem(keyless.get("/health", Map.of("Authorization", "Bearer " + OPERATOR_KEY)), 401);
            problem(keyless.get("/health", Map.of("Authorization", "Bearer ")), 401);
        }
    }

    @Test
    void failed_logins_are_counted_and_logged_once_a_minute_per_address_with_their_count() throws IOException {
        try (RunningGateway fresh = new RunningGateway(); LogLines logs = LogLines.capture()) {
            for (int i = 0; i < 5; i++) {
                problem(fresh.post("/api/v1/events", JSON_TYPE, utf8("[]"), Map.of("X-Api-Key", "tthc_wrong-" + i)), 401);
            }
            problem(fresh.post("/api/v1/events", JSON_TYPE, utf8("[]"), Map.of()), 401);
            assertThat(logs.messages()).filteredOn(m -> m.contains("refused 401")).hasSize(1);
            assertThat(fresh.get("/prometheus").body())
                .contains("tthc_gateway_auth_failures_total{reason=\"unknown-key\"} 5.0")
                .contains("tthc_gateway_auth_failures_total{reason=\"missing-key\"} 1.0");
        }
    }

    @Test
    void requests_above_the_keys_rate_are_429_with_retry_after() throws IOException {
        try (RunningGateway slow = new RunningGateway(Map.of("tthc.gateway.rate-limit", "0.01",
            "tthc.gateway.rate-burst", "2"))) {
            final String body = "[]";
            assertThat(slow.post("/api/v1/events", JSON_TYPE, body).statusCode()).isEqualTo(200);
            assertThat(slow.post("/api/v1/events", JSON_TYPE, body).statusCode()).isEqualTo(200);
            final HttpResponse<String> limited = slow.post("/api/v1/events", JSON_TYPE, body);
            problem(limited, 429);
            assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 100L));
            assertThat(slow.post("/api/v1/events", JSON_TYPE, utf8(body),
                Map.of("X-Api-Key", RunningGateway.OTHER_KEY)).statusCode())
                .as("another key has its own bucket").isEqualTo(200);
            try (LogLines logs = LogLines.capture()) {
                problem(slow.post("/api/v1/events", JSON_TYPE, body), 429);
                problem(slow.post("/api/v1/events", JSON_TYPE, body), 429);
                assertThat(logs.messages()).as("the first 429 of this source was logged already")
                    .noneMatch(m -> m.contains("refused 429"));
            }
            assertThat(slow.get("/prometheus").body())
                .contains("tthc_gateway_rate_limited_total{source=\"" + RunningGateway.SOURCE + "\"} 3.0");
        }
    }
}
