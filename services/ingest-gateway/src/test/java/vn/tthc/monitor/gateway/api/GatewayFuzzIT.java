package vn.tthc.monitor.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.gateway.LogLines;
import vn.tthc.monitor.gateway.RunningGateway;

/**
 * Thousands of random and malformed bodies (seeded, so a failure can be replayed): the gateway
 * never answers 5xx, and the events topic ends up holding exactly the accepted events, each a
 * valid event of the key's source, keyed as the contract says.
 */
class GatewayFuzzIT {

    private static final long SEED = 20260302L;
    private static final int CASES = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/x-ndjson",
        "application/x-ndjson", "application/json; charset=utf-8", "text/plain", "application/xml", null};
    private static final String[] VALID = {
        "{\"eventId\":\"%s\",\"type\":\"case.received\",\"occurredAt\":\"2026-03-02T08:15:00+07:00\",\"source\":\"so-tnmt\","
            + "\"caseId\":\"C%s\",\"unitId\":\"U1\",\"fieldId\":\"DAT_DAI\",\"procedureId\":\"1.1\",\"channel\":\"ONLINE\","
            + "\"onlineEligible\":true,\"dueAt\":\"2026-03-10T17:00:00+07:00\"}",
        "{\"eventId\":\"%s\",\"type\":\"case.supplement_received\",\"occurredAt\":\"2026-03-04T08:15:00Z\","
            + "\"source\":\"so-tnmt\",\"caseId\":\"C%s\",\"dueAt\":\"2026-03-20T17:00:00+07:00\"}",
        "{\"eventId\":\"%s\",\"type\":\"case.resolved\",\"occurredAt\":\"2026-03-05T08:15:00+07:00\",\"source\":\"so-tnmt\","
            + "\"caseId\":\"C%s\",\"result\":\"DENIED\"}",
        "{\"eventId\":\"%s\",\"type\":\"survey.submitted\",\"occurredAt\":\"2026-03-05T08:15:00+07:00\",\"source\":\"so-tnmt\","
            + "\"unitId\":\"U%s\",\"fieldId\":\"DAT_DAI\",\"rating\":\"VERY_SATISFIED\"}",
        "{\"eventId\":\"%s\",\"type\":\"feedback.received\",\"occurredAt\":\"2026-03-05T08:15:00+07:00\",\"source\":\"so-tnmt\","
            + "\"feedbackId\":\"F%s\",\"unitId\":\"U1\",\"dueAt\":\"2026-03-15T08:15:00+07:00\"}",
    };
    private static final String[] FIELDS = {"eventId", "type", "occurredAt", "source", "caseId", "unitId", "fieldId",
        "procedureId", "channel", "onlineEligible", "dueAt", "result", "rating", "feedbackId"};

    private final Random random = new Random(SEED);
    private int nextId;

    @Test
    void random_and_malformed_bodies_never_give_a_5xx_nor_an_invalid_event_on_the_topic() throws IOException {
        long accepted = 0;
        try (RunningGateway gateway = new RunningGateway()) {
            for (int i = 0; i < CASES; i++) {
                final String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                final byte[] body = body(contentType != null && contentType.contains("ndjson"));
                final HttpResponse<String> response = gateway.post("/api/v1/events", contentType, body,
                    Map.of("X-Api-Key", RunningGateway.SOURCE_KEY));
                assertThat(response.statusCode()).as("case %d (seed %d): %s", i, SEED, response.body())
                    .isLessThan(500).isIn(200, 400, 403, 415);
                if (response.statusCode() == 200) {
                    final JsonNode answer = JSON.readTree(response.body());
                    accepted += answer.get("accepted").longValue();
                }
            }
            final List<ConsumerRecord<byte[], byte[]>> records = gateway.records();
            assertThat(records).hasSize((int) accepted);
            assertThat(accepted).as("the fuzzing also exercises acceptance").isGreaterThan(CASES / 10);
            for (final ConsumerRecord<byte[], byte[]> record : records) {
                final ParseResult parsed = EventParser.parse(record.value());
                assertThat(parsed).as(new String(record.value(), StandardCharsets.UTF_8))
                    .isInstanceOf(ParseResult.Valid.class);
                final Event event = ((ParseResult.Valid) parsed).event();
                assertThat(event.source()).isEqualTo(RunningGateway.SOURCE);
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(event.key());
            }
        }
    }

    @Test
    void hostile_bodies_are_400_problems_with_a_short_reason_and_no_internal_text() throws IOException {
        final String deep = "[".repeat(10_000) + "]".repeat(10_000);
        final String longNumber = "[{\"eventId\":\"n-1\",\"n\":" + "9".repeat(100_000) + "}]";
        final Map<String, String> events = new java.util.LinkedHashMap<>();
        events.put(deep, "nested deeper than 64 levels at byte 65");
        events.put("[{\"a\":" + deep + "}]", "nested deeper than 64 levels at byte 69");
        events.put(longNumber, "a number longer than 1000 characters at byte 100022");
        events.put("[{\"eventId\":\"x", "not valid JSON at byte 14 (the JSON ends early)");
        events.put("[{\"eventId\" \"x\"}]", "not valid JSON at byte 12");
        events.put("", "the body is empty");
        events.put(" \r\n", "the body is empty");
        events.put("\"" + "x".repeat(1_000_000) + "\"", "the body must be a JSON array of events");
        events.put("1" + "0".repeat(10_000), "a number longer than 1000 characters at byte 10001");
        events.put("42", "the body must be a JSON array of events");
        try (RunningGateway gateway = new RunningGateway()) {
            for (final Map.Entry<String, String> hostile : events.entrySet()) {
                assertProblem(gateway.post("/api/v1/events", "application/json", hostile.getKey()), hostile.getValue());
            }
            assertProblem(gateway.post("/api/v1/events", "application/json",
                new byte[] {'[', '"', (byte) 0xC3, '"', ']'}, Map.of("X-Api-Key", RunningGateway.SOURCE_KEY)),
                "the body is not valid UTF-8");
            assertProblem(gateway.post("/api/v1/events", EventsController.NDJSON, "{}\n" + deep),
                "line 2: nested deeper than 64 levels at byte 65");
            assertProblem(gateway.post("/api/v1/events", EventsController.NDJSON, ""), "the body is empty");
            assertProblem(gateway.post("/api/v1/status-sync", "application/json", deep),
                "nested deeper than 64 levels");
            assertProblem(gateway.post("/api/v1/status-sync", "application/json", "{\"a\":" + "9".repeat(100_000) + "}"),
                "a number longer than 1000 characters");
            assertProblem(gateway.post("/api/v1/status-sync", "application/json", ""), "the body is empty");
            assertProblem(gateway.post("/api/v1/status-sync", "application/json", new byte[] {'{', (byte) 0xFF, '}'},
                Map.of("X-Api-Key", RunningGateway.SOURCE_KEY)), "the body is not valid UTF-8");
            assertThat(gateway.records()).isEmpty();
        }
    }

    private static void assertProblem(final HttpResponse<String> response, final String detail) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        final JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").textValue()).isEqualTo("urn:tthc-monitor:problem:malformed-body");
        assertThat(problem.get("detail").textValue()).isEqualTo(detail);
    }

    @Test
    void an_event_above_the_size_limit_is_rejected_alone_and_the_rest_of_its_batch_is_written() throws IOException {
        final String big = String.format(VALID[0], "big-1", 1).replace("\"U1\"", "\"" + "U".repeat(70_000) + "\"");
        final String huge = "\"" + "x".repeat(3_000_000) + "\"";
        final String body = "[" + String.format(VALID[0], "ok-1", 1) + "," + big + "," + huge + ","
            + String.format(VALID[2], "ok-2", 2) + "]";
        try (RunningGateway gateway = new RunningGateway()) {
            for (int attempt = 0; attempt < 2; attempt++) {
                final HttpResponse<String> response = gateway.post("/api/v1/events", "application/json", body);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                final JsonNode results = JSON.readTree(response.body()).get("results");
                assertThat(results.findValuesAsText("status")).containsExactly(attempt == 0 ? "accepted" : "duplicate",
                    "rejected", "rejected", attempt == 0 ? "accepted" : "duplicate");
                assertThat(results.get(1).get("reason").textValue())
                    .isEqualTo("the event has " + big.length() + " bytes, above the limit of 65536 bytes per event");
                assertThat(results.get(2).get("reason").textValue())
                    .isEqualTo("the event has 3000002 bytes, above the limit of 65536 bytes per event");
            }
            assertThat(gateway.records()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("C1", "C2");
        }
    }

    @Test
    void a_hundred_thousand_empty_objects_are_answered_one_by_one_and_logged_in_one_line() throws IOException {
        final String body = "[" + String.join(",", java.util.Collections.nCopies(100_000, "{}")) + "]";
        try (RunningGateway gateway = new RunningGateway(); LogLines logs = LogLines.capture()) {
            final HttpResponse<String> response = gateway.post("/api/v1/events", "application/json", body);
            assertThat(response.statusCode()).isEqualTo(200);
            final JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.get("rejected").intValue()).isEqualTo(100_000);
            assertThat(answer.get("results").get(99_999).get("reason").textValue())
                .isEqualTo("missing required field 'eventId'");
            assertThat(logs.messages()).containsExactly("request with rejected events");
        }
    }

    private byte[] body(final boolean ndjson) throws IOException {
        if (random.nextInt(20) == 0) {
            final byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            return noise;
        }
        final List<String> events = new ArrayList<>();
        final int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            events.add(event());
        }
        final String text = ndjson ? String.join("\n", events) : "[" + String.join(",", events) + "]";
        return random.nextInt(8) == 0 ? mutateBytes(text.getBytes(StandardCharsets.UTF_8))
            : text.getBytes(StandardCharsets.UTF_8);
    }

    private String event() throws IOException {
        final String id = random.nextInt(10) == 0 ? "dup-" + random.nextInt(20) : "fz-" + nextId++;
        final String valid = String.format(VALID[random.nextInt(VALID.length)], id, random.nextInt(50));
        return switch (random.nextInt(6)) {
            case 0, 1 -> valid;
            case 2 -> mutateField(valid);
            case 3 -> new String(mutateBytes(valid.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            case 4 -> valid.replace("\"so-tnmt\"", random.nextBoolean() ? "\"ubnd-phuong\"" : "null");
            default -> switch (random.nextInt(4)) {
                case 0 -> "42";
                case 1 -> "\"" + id + "\"";
                case 2 -> "[" + valid + "]";
                default -> "null";
            };
        };
    }

    /** One field removed, nulled, or given a value of the wrong type or outside its enumeration. */
    private String mutateField(final String valid) throws IOException {
        final ObjectNode node = (ObjectNode) JSON.readTree(valid);
        final String field = FIELDS[random.nextInt(FIELDS.length)];
        switch (random.nextInt(6)) {
            case 0 -> node.remove(field);
            case 1 -> node.putNull(field);
            case 2 -> node.put(field, random.nextInt());
            case 3 -> node.put(field, "VALUE_" + random.nextInt(3));
            case 4 -> node.put(field, "2026-03-02T08:15:00");
            default -> node.put(field, "x".repeat(random.nextInt(300)));
        }
        return JSON.writeValueAsString(node);
    }

    private byte[] mutateBytes(final byte[] bytes) {
        final byte[] copy = bytes.clone();
        if (copy.length == 0) {
            return copy;
        }
        final int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            final int at = random.nextInt(copy.length);
            copy[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) random.nextInt(256);
                case 1 -> (byte) "{}[]\",:\\".charAt(random.nextInt(8));
                case 2 -> (byte) ' ';
                default -> (byte) (copy[at] ^ (1 << random.nextInt(8)));
            };
        }
        return random.nextInt(4) == 0 ? java.util.Arrays.copyOf(copy, random.nextInt(copy.length)) : copy;
    }
}
