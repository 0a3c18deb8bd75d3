package vn.tthc.monitor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.failure.PipelineFailure;
import vn.tthc.monitor.kpi.failure.PipelineWatch;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * Issue 11's hostile input, in stages, through a running gateway (its own JVM) and straight to the events topic of a
 * running kpi-streams on a real broker, each stage's bad records mixed with good events: the gateway answers each bad
 * one with its exact 4xx or per-event reason; every bad record that reaches the topic becomes a dead letter with its
 * reason; after every stage Kafka Streams is RUNNING with no thread lost, and the KPI report equals the reference
 * model's report of the good events alone, except {@code rejected}, which counts the bad records that reached the
 * topic. The fuzzed stage is seeded: {@code -Dtthc.hostile.seed=N} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final long SEED = Long.getLong("tthc.hostile.seed", 20261205L);
    private static final Duration STAGE_TIME_LIMIT = Duration.ofSeconds(120);
    private static final OffsetDateTime DAY = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7));
    private static final String MISSING_EVENT_ID = "missing required field 'eventId'";

    private RunningPipeline pipeline;
    private EventsTopicWriter topic;
    private DeadLetterReader deadLetters;
    private Admin admin;
    private ConsumerGroupProgress progress;
    private ExpectedOutcome expected;
    private final GoodEvents good = new GoodEvents("good", SEED);
    private final Set<String> acceptedByGateway = new HashSet<>();

    @BeforeAll
    void start() {
        System.out.println("HostileInputIT seed " + SEED + " (-Dtthc.hostile.seed=" + SEED + " replays this run)");
        // a failure must show as a failed assertion here, not as System.exit of the test JVM
        pipeline = new RunningPipeline(Map.of("tthc.pipeline.failure.exit", false),
            Map.of("tthc.gateway.rate-limit", "1000", "tthc.gateway.rate-burst", "1000"));
        final String eventsTopic = pipeline.kpiStreams.topic("events");
        topic = new EventsTopicWriter(eventsTopic);
        deadLetters = new DeadLetterReader(pipeline.kpiStreams.topic("rejected"));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
        progress = new ConsumerGroupProgress(admin, pipeline.kpiStreams.context()
            .getRequiredProperty("kafka.streams.default.application.id", String.class), eventsTopic);
        expected = new ExpectedOutcome(eventsTopic);
    }

    @AfterAll
    void stop() {
        for (final AutoCloseable resource : new AutoCloseable[] {admin, deadLetters, topic, pipeline}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (final Exception e) {
                System.err.println("closing " + resource + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void goodEventsAloneAreCountedAsTheReferenceModelCountsThem() throws Exception {
        final List<String> viaGateway = json(good.atLeast(100));
        assertEventResults(postEvents(viaGateway), viaGateway.stream().map(event -> accepted()).toList(), viaGateway);
        writeGood(good.atLeast(100));
        assertStage("good events alone");
    }

    @Test
    @Order(2)
    void eventsBreakingTheContractAreRejectedOneByOneByTheGatewayAndTheirBatchIsCounted() throws Exception {
        final List<HostileEvents.Hostile> hostile = HostileEvents.all(good);
        final List<String> batch = new ArrayList<>();
        final List<Expect> expects = new ArrayList<>();
        for (final HostileEvents.Hostile event : hostile) {
            final String goodEvent = JsonText.of(good.nextEntity().get(0));
            batch.add(goodEvent);
            expects.add(accepted());
            batch.add(event.json());
            expects.add(rejected(event.gatewayReason()));
        }
        final JsonNode answer = postEvents(batch);
        assertThat(answer.get("rejected").intValue()).isEqualTo(hostile.size());
        assertEventResults(answer, expects, batch);
        assertStage("hostile events through the gateway");
    }

    @Test
    @Order(3)
    void theSameEventsStraightToTheTopicAreDeadLetteredWithTheirReasonAndTheirBatchIsCounted() throws Exception {
        final List<EventsTopicWriter.Record> records = new ArrayList<>();
        final List<HostileEvents.Hostile> hostile = HostileEvents.all(new GoodEvents("straight", SEED));
        for (int i = 0; i < hostile.size(); i++) {
            final Map<String, Object> goodEvent = good.nextEntity().get(0);
            records.add(EventsTopicWriter.Record.of(keyOf(goodEvent), JsonText.of(goodEvent)));
            expected.good(JsonText.of(goodEvent));
            final HostileEvents.Hostile event = hostile.get(i);
            records.add(EventsTopicWriter.Record.of(i % 2 == 0 ? null : "HS-" + i, event.json()));
            if (event.reason() == null) {
                expected.good(event.json());
            } else {
                expected.invalid(event.json().getBytes(StandardCharsets.UTF_8), event.reason());
            }
        }
        records.add(new EventsTopicWriter.Record("HS-tombstone", null));
        expected.invalid(null, "empty record: expected a JSON object");
        records.add(new EventsTopicWriter.Record("HS-empty", new byte[0]));
        expected.invalid(new byte[0], "empty record: expected a JSON object");
        topic.write(records);
        assertStage("hostile events straight to the topic");
    }

    @Test
    @Order(4)
    void malformedBodiesAreRefusedWithTheirExact4xxAndTheSameBytesOnTheTopicAreDeadLettered() throws Exception {
        final String goodEvent = JsonText.of(good.nextEntity().get(0));
        final String deep = "[".repeat(10_000) + "]".repeat(10_000);
        final String numberPrefix = "[" + goodEvent + ",{\"eventId\":\"n-1\",\"n\":";
        final String longNumber = numberPrefix + "9".repeat(100_000) + "}]";
        final String goodBody = "[" + goodEvent + "]";
        final byte[] surrogateBytes = cesuSurrogate(goodBody);
        final long eventsBefore = eventsTopicEnd();

        assertProblem(post("api/v1/events", "application/json", deep), 400, "malformed-body",
            "nested deeper than 64 levels at byte 65");
        assertProblem(post("api/v1/events", "application/json", longNumber), 400, "malformed-body",
            "a number longer than 1000 characters at byte " + (numberPrefix.length() + 100_000));
        assertProblem(pipeline.gateway.post("api/v1/events", "application/json; charset=bogus", utf8(goodBody)), 415,
            "unsupported-media-type", "the body must be UTF-8; charset 'bogus' is not accepted");
        assertProblem(pipeline.gateway.post("api/v1/events", "application/json; charset=utf-16",
            goodBody.getBytes(StandardCharsets.UTF_16)), 415, "unsupported-media-type",
            "the body must be UTF-8; charset 'utf-16' is not accepted");
        assertProblem(pipeline.gateway.post("api/v1/events", "application/json", goodBody.getBytes(StandardCharsets.UTF_16)),
            400, "malformed-body", "NUL byte at byte 2: the body must be UTF-8 JSON");
        assertProblem(pipeline.gateway.post("api/v1/events", "application/json", surrogateBytes), 400, "malformed-body",
            "the body is not valid UTF-8");
        assertProblem(post("api/v1/status-sync", "application/json", deep), 400, "malformed-body",
            "nested deeper than 64 levels");
        assertProblem(pipeline.gateway.post("api/v1/status-sync", "application/json; charset=UTF-16LE",
            "{}".getBytes(StandardCharsets.UTF_16LE)), 415, "unsupported-media-type",
            "the body must be UTF-8; charset 'utf-16le' is not accepted");
        final String otherSource = goodEvent.replace("\"" + GatewayProcess.SOURCE + "\"", "\"ubnd-phuong-khac\"");
        final JsonNode forbidden = assertProblem(post("api/v1/events", "application/json",
            "[" + JsonText.of(good.nextEntity().get(0)) + "," + otherSource + "]"), 403, "forbidden-source",
            "this key writes for source '" + GatewayProcess.SOURCE + "' only; 1 event(s) carry another source");
        assertThat(forbidden.get("events").get(0).get("index").intValue()).isEqualTo(1);
        assertThat(eventsTopicEnd()).as("nothing of a refused request is written").isEqualTo(eventsBefore);

        // the same bytes straight to the topic, beside a good event each
        final String event = goodEvent.substring(0, goodEvent.length() - 1);
        final List<byte[]> bad = List.of(utf8(deep), utf8("{\"eventId\":\"n-2\",\"n\":" + "9".repeat(100_000) + "}"),
            utf8(event + ",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
            cesuSurrogate(event + ",\"caseId\":\"HS-?\"}"), utf8(event), utf8(goodEvent + "x"), utf8("[" + goodEvent + "]"),
            utf8("42"), utf8("\"" + goodEvent.replace("\"", "\\\"") + "\""), new byte[] {'{', (byte) 0xC3, '}'});
        final List<byte[]> otherEncodings = List.of(goodEvent.getBytes(StandardCharsets.UTF_16),
            goodEvent.getBytes(StandardCharsets.UTF_16LE), goodEvent.getBytes(Charset.forName("UTF-32")),
            ("\0" + goodEvent).getBytes(StandardCharsets.UTF_8));
        final List<EventsTopicWriter.Record> records = new ArrayList<>();
        for (final byte[] value : bad) {
            records.add(new EventsTopicWriter.Record(null, value));
            assertThat(EventParser.parse(value)).as(new String(value, StandardCharsets.UTF_8))
                .isInstanceOf(ParseResult.Rejected.class);
            expected.invalid(value, ((ParseResult.Rejected) EventParser.parse(value)).reason());
            final Map<String, Object> other = good.nextEntity().get(0);
            records.add(EventsTopicWriter.Record.of(keyOf(other), JsonText.of(other)));
            expected.good(JsonText.of(other));
        }
        for (final byte[] value : otherEncodings) {
            records.add(new EventsTopicWriter.Record(null, value));
            expected.invalid(value, "not UTF-8 JSON: NUL byte at byte " + firstNul(value));
        }
        topic.write(records);
        assertStage("malformed bodies and records");
    }

    @Test
    @Order(5)
    void floodsOfOneCaseAndOfEmptyObjectsAreCappedOrRejectedAndTheirBatchesCounted() throws Exception {
        final List<String> gatewayFlood = new ArrayList<>(json(good.atLeast(10)));
        final List<String> caseFlood = flood("HS-FLOOD-GATEWAY");
        gatewayFlood.addAll(caseFlood);
        gatewayFlood.addAll(feedbackFlood("PAKN-FLOOD-GATEWAY"));
        gatewayFlood.addAll(json(good.atLeast(10)));
        final JsonNode answer = postEvents(gatewayFlood);
        assertThat(answer.get("accepted").intValue()).isEqualTo(gatewayFlood.size());
        expectCapped(gatewayFlood);

        final List<String> emptyObjects = new ArrayList<>(Collections.nCopies(100_000, "{}"));
        final String first = JsonText.of(good.nextEntity().get(0));
        final String last = JsonText.of(good.nextEntity().get(0));
        emptyObjects.add(0, first);
        emptyObjects.add(last);
        final List<Expect> expects = new ArrayList<>(Collections.nCopies(emptyObjects.size(), rejected(MISSING_EVENT_ID)));
        expects.set(0, accepted());
        expects.set(expects.size() - 1, accepted());
        final JsonNode emptyAnswer = postEvents(emptyObjects);
        assertThat(emptyAnswer.get("rejected").intValue()).isEqualTo(100_000);
        assertEventResults(emptyAnswer, expects, emptyObjects);

        final List<String> topicFlood = new ArrayList<>(flood("HS-FLOOD-TOPIC"));
        topicFlood.addAll(feedbackFlood("PAKN-FLOOD-TOPIC"));
        final List<EventsTopicWriter.Record> records = new ArrayList<>();
        for (final String event : topicFlood) {
            records.add(EventsTopicWriter.Record.of(keyOf(ContractJson.mapper().readValue(event, Map.class)), event));
        }
        expectCapped(topicFlood);
        for (int i = 0; i < 100_000; i++) {
            records.add(EventsTopicWriter.Record.of(null, "{}"));
            expected.invalid(utf8("{}"), MISSING_EVENT_ID);
        }
        writeGoodBeside(records);
        assertStage("floods");
    }

    @Test
    @Order(6)
    void recordsUpToTheEventsTopicsLimitAreCountedOrDeadLetteredAndLargerOnesRefusedByTheBroker() throws Exception {
        final int limit = eventsTopicLimit();
        assertThat(limit).as("the events topic's max.message.bytes").isGreaterThan(1_000_000)
            .isLessThan(EventsTopicWriter.BROKER_MAX_MESSAGE_BYTES);
        final int size = limit - 200;
        final Map<String, Object> valid = good.reception(good.newId("HS"), DAY);
        final Map<String, Object> misrouted = good.reception(good.newId("HS"), DAY);
        final Map<String, Object> invalid = good.reception(good.newId("HS"), DAY);
        final List<EventsTopicWriter.Record> records = new ArrayList<>();
        records.add(EventsTopicWriter.Record.of(keyOf(valid), padded(valid, "ghiChu", size)));
        expected.good(padded(valid, "ghiChu", size));
        // written back by kpi-streams under its caseId, as big as it came
        records.add(EventsTopicWriter.Record.of("not-its-case", padded(misrouted, "ghiChu", size)));
        expected.good(padded(misrouted, "ghiChu", size));
        // dead-lettered whole: the record and the headers saying why fit in the producer's request limit
        final String tooLongUnit = padded(invalid, "unitId", size);
        records.add(EventsTopicWriter.Record.of(keyOf(invalid), tooLongUnit));
        expected.invalid(utf8(tooLongUnit), ((ParseResult.Rejected) EventParser.parse(utf8(tooLongUnit))).reason());
        writeGoodBeside(records);

        final Map<String, Object> above = good.reception(good.newId("HS"), DAY);
        final String aboveTheLimit = padded(above, "ghiChu", EventsTopicWriter.BROKER_MAX_MESSAGE_BYTES - 200);
        assertThatThrownBy(() -> topic.write(List.of(EventsTopicWriter.Record.of(keyOf(above), aboveTheLimit))))
            .hasCauseInstanceOf(RecordTooLargeException.class);
        assertStage("records near the events topic's limit");


        // without a key, an event whose caseId is the longest there is (128 code points of 4 bytes) would be above the
        // limit once written back under it: rejected (61 B of batch header and at most 26 B of record fields counted)
        final String longestCaseId = "\uD83D\uDE00".repeat(128);
        final String unkeyed = padded(good.reception(longestCaseId, DAY), "ghiChu", limit - 200);
        topic.write(List.of(EventsTopicWriter.Record.of(null, unkeyed)));
        expected.invalid(utf8(unkeyed), "too large to be written back under its id '" + "\uD83D\uDE00".repeat(40)
            + "'… (128 characters): " + (61 + 26 + utf8(longestCaseId).length + utf8(unkeyed).length)
            + " bytes, above the events topic's limit of " + limit + " bytes");
        assertStage("an unkeyed record near the limit");
    }

    @Test
    @Order(7)
    void aFuzzedCorpusThroughTheGatewayAndStraightToTheTopicIsJudgedByTheContract() throws Exception {
        final FuzzedEvents fuzz = new FuzzedEvents(SEED);
        final Random random = new Random(SEED);
        final List<String> gatewayAccepted = new ArrayList<>();
        int accepted = 0;
        for (int request = 0; request < 25; request++) {
            final List<String> batch = new ArrayList<>();
            final List<Expect> expects = new ArrayList<>();
            final Set<String> inRequest = new HashSet<>();
            for (int i = random.nextInt(120) + 1; i > 0; i--) {
                final String event = i == 1 && !gatewayAccepted.isEmpty() && random.nextBoolean()
                    ? gatewayAccepted.get(random.nextInt(gatewayAccepted.size())) : fuzz.forGateway();
                batch.add(event);
                expects.add(gatewayOracle(event, inRequest));
            }
            assertEventResults(postEvents(batch), expects, batch);
            for (int i = 0; i < batch.size(); i++) {
                if (expects.get(i).status().equals("accepted")) {
                    gatewayAccepted.add(batch.get(i));
                    accepted++;
                }
            }
        }
        final List<EventsTopicWriter.Record> records = new ArrayList<>();
        final List<EventsTopicWriter.Record> goodRecords = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            final EventsTopicWriter.Record record = i % 50 == 49 && !goodRecords.isEmpty()
                // a good record again, under its key or another: a duplicate delivery, counted once
                ? resent(goodRecords.get(random.nextInt(goodRecords.size())), random) : fuzz.forTopic();
            records.add(record);
            if (EventParser.parse(record.value()) instanceof ParseResult.Rejected rejected) {
                expected.invalid(record.value(), rejected.reason());
            } else {
                expected.good(new String(record.value(), StandardCharsets.UTF_8));
                goodRecords.add(record);
            }
        }
        System.out.println("HostileInputIT fuzz: " + accepted + " events accepted by the gateway, " + goodRecords.size()
            + " of 2000 records valid on the topic");
        assertThat(accepted).as("the corpus also holds valid events").isGreaterThan(300);
        assertThat(goodRecords.size()).as("the corpus also holds valid records").isGreaterThan(300);
        topic.write(records);
        assertStage("fuzzed corpus");
    }

    @Test
    @Order(8)
    void theIntakeCountsAgreeWithTheReportAtTheEnd() throws Exception {
        assertStage("end");
        final JsonNode intake = pipeline.query("/api/v1/pipeline");
        assertThat(intake.get("rejected").asLong()).isEqualTo(expected.rejected());
        assertThat(pipeline.query("/api/v1/report").get("rejected").asLong()).isEqualTo(expected.rejected());
    }

    // --- the stage's outcome

    /**
     * Waits until kpi-streams has processed everything written so far and the dead letters are exactly those
     * expected, then checks that it is RUNNING with no thread lost and that its report is the reference's.
     */
    private void assertStage(final String stage) {
        final PipelineWatch watch = pipeline.kpiStreams.context().getBean(PipelineWatch.class);
        await(stage + ": every record processed, the dead letters as expected").atMost(STAGE_TIME_LIMIT)
            .pollInterval(Duration.ofMillis(500))
            .failFast(stage + ": kpi-streams stopped", () -> assertThat(watch.hasFailed())
                .as(() -> watch.state() + " " + watch.fatalFailure().map(PipelineFailure::describe).orElse("")).isFalse())
            .untilAsserted(() -> {
                assertThat(progress.snapshot().totalLag()).as("records kpi-streams has not processed").isZero();
                assertThat(expected.deadLetterDifferences(deadLetters.all())).isEmpty();
            });
        assertThat(watch.fatalFailure()).as(stage).isEmpty();
        assertThat(watch.threadsReplaced()).as(stage + ": stream threads replaced").isZero();
        assertThat(watch.state()).as(stage).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(pipeline.kpiStreams.context().getBean(KafkaStreams.class).state()).as(stage)
            .isEqualTo(KafkaStreams.State.RUNNING);
        final JsonNode reference = expected.report();
        await(stage + ": the report").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(ReportComparison.differences(pipeline.query("/api/v1/report"), reference)).isEmpty());
    }

    // --- the gateway

    private record Expect(String status, String reason) {
    }

    private static Expect accepted() {
        return new Expect("accepted", null);
    }

    private static Expect rejected(final String reason) {
        return new Expect("rejected", reason);
    }

    /** What the gateway must answer for {@code event}: its size, then the contract, then whether its id came before. */
    private Expect gatewayOracle(final String event, final Set<String> inRequest) {
        final byte[] bytes = utf8(event);
        if (bytes.length > HostileEvents.GATEWAY_MAX_EVENT_BYTES) {
            return rejected("the event has " + bytes.length + " bytes, above the limit of "
                + HostileEvents.GATEWAY_MAX_EVENT_BYTES + " bytes per event");
        }
        final ParseResult result = EventParser.parse(bytes);
        if (result instanceof ParseResult.Rejected rejected) {
            return rejected(rejected.reason());
        }
        final String eventId = ((ParseResult.Valid) result).event().eventId();
        if (!inRequest.add(eventId)) {
            return new Expect("duplicate", "eventId already accepted in this request");
        }
        if (!acceptedByGateway.add(eventId)) {
            return new Expect("duplicate", "eventId already accepted recently");
        }
        return accepted();
    }

    /** Posts the events as one JSON array; the answer must be 200. */
    private JsonNode postEvents(final List<String> events) throws Exception {
        final HttpResponse<String> response = post("api/v1/events", "application/json", "[" + String.join(",", events) + "]");
        assertThat(response.statusCode()).as(response.body().length() > 2_000 ? response.body().substring(0, 2_000)
            : response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    /** Each event's answer as expected; the accepted ones are good events of the topic from now on. */
    private void assertEventResults(final JsonNode answer, final List<Expect> expects, final List<String> events) {
        final JsonNode results = answer.get("results");
        assertThat(results.size()).isEqualTo(expects.size());
        for (int i = 0; i < expects.size(); i++) {
            final JsonNode result = results.get(i);
            final Expect expect = expects.get(i);
            final String event = events.get(i);
            assertThat(result.get("index").intValue()).isEqualTo(i);
            assertThat(new Expect(result.get("status").textValue(), result.path("reason").textValue()))
                .as("event %d (seed %d): %s", i, SEED, event.length() > 300 ? event.substring(0, 300) + "…" : event)
                .isEqualTo(expect);
            if (expect.status().equals("accepted")) {
                acceptedByGateway.add(((ParseResult.Valid) EventParser.parse(utf8(event))).event().eventId());
                expected.good(event);
            }
        }
    }

    private HttpResponse<String> post(final String path, final String contentType, final String body) {
        return pipeline.gateway.post(path, contentType, utf8(body));
    }

    private static JsonNode assertProblem(final HttpResponse<String> response, final int status, final String type,
                                          final String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        final JsonNode problem = ContractJson.mapper().readTree(response.body());
        assertThat(problem.get("type").textValue()).isEqualTo("urn:tthc-monitor:problem:" + type);
        assertThat(problem.get("detail").textValue()).isEqualTo(detail);
        return problem;
    }

    // --- the topic

    /** Writes the records, each beside a good event of its own, first and last. */
    private void writeGoodBeside(final List<EventsTopicWriter.Record> records) {
        final List<EventsTopicWriter.Record> all = new ArrayList<>();
        final List<Map<String, Object>> before = good.nextEntity();
        final List<Map<String, Object>> after = good.nextEntity();
        before.forEach(event -> all.add(EventsTopicWriter.Record.of(keyOf(event), JsonText.of(event))));
        all.addAll(records);
        after.forEach(event -> all.add(EventsTopicWriter.Record.of(keyOf(event), JsonText.of(event))));
        before.forEach(event -> expected.good(JsonText.of(event)));
        after.forEach(event -> expected.good(JsonText.of(event)));
        topic.write(all);
    }

    private void writeGood(final List<Map<String, Object>> events) {
        writeGoodBeside(events.stream().map(event -> {
            expected.good(JsonText.of(event));
            return EventsTopicWriter.Record.of(keyOf(event), JsonText.of(event));
        }).toList());
    }

    /** The events topic's record limit, as the broker has it. */
    private int eventsTopicLimit() throws Exception {
        final ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, pipeline.kpiStreams.topic("events"));
        return Integer.parseInt(admin.describeConfigs(List.of(events)).all().get().get(events)
            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }

    private long eventsTopicEnd() throws Exception {
        final String events = pipeline.kpiStreams.topic("events");
        final Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(events)).allTopicNames().get()
            .get(events).partitions().stream()
            .collect(Collectors.toMap(p -> new TopicPartition(events, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    // --- events

    /** 8,001 small events of one case: its reception, then requests for and receptions of supplements. */
    private List<String> flood(final String caseId) {
        final List<String> events = new ArrayList<>();
        events.add(JsonText.of(good.reception(caseId, DAY)));
        for (int i = 1; i <= 8_000; i++) {
            events.add(JsonText.of(good.caseEvent(i % 2 == 1 ? "case.supplement_requested" : "case.supplement_received",
                caseId, DAY.plusMinutes(i))));
        }
        return events;
    }

    /** 20 events of one feedback: its reception and 19 resolutions. */
    private List<String> feedbackFlood(final String feedbackId) {
        final List<String> events = new ArrayList<>();
        final Map<String, Object> reception = good.feedbackEvent("feedback.received", feedbackId, DAY);
        reception.put("unitId", GoodEvents.UNITS[0]);
        reception.put("dueAt", GoodEvents.timestamp(DAY.plusDays(10)));
        events.add(JsonText.of(reception));
        for (int i = 1; i < 20; i++) {
            events.add(JsonText.of(good.feedbackEvent("feedback.resolved", feedbackId, DAY.plusDays(1).plusMinutes(i))));
        }
        return events;
    }

    /** The first events of each flooded case or feedback count; the rest go to the dead letters, history full. */
    private void expectCapped(final List<String> events) {
        final Map<String, Integer> held = new HashMap<>();
        for (final String event : events) {
            final Event parsed = ((ParseResult.Valid) EventParser.parse(utf8(event))).event();
            final boolean feedback = parsed instanceof FeedbackEvent;
            final int max = feedback ? FeedbackHistory.MAX_EVENTS : CaseHistory.MAX_EVENTS;
            if (held.merge(parsed.key(), 1, Integer::sum) <= max) {
                expected.good(event);
            } else {
                expected.historyFull(event, (feedback ? "feedback " : "case ") + parsed.key() + " holds " + max
                    + " distinct events, the most a history may hold: event " + parsed.eventId() + " is not counted");
            }
        }
    }

    private static String padded(final Map<String, Object> event, final String field, final int bytes) {
        final Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put(field, "");
        copy.put(field, "P".repeat(bytes - utf8(JsonText.of(copy)).length));
        return JsonText.of(copy);
    }

    private static EventsTopicWriter.Record resent(final EventsTopicWriter.Record record, final Random random) {
        return new EventsTopicWriter.Record(random.nextBoolean() ? record.key() : "another-key", record.value());
    }

    /** The key EVENTS.md gives an event: caseId, feedbackId or unitId. */
    private static String keyOf(final Map<?, ?> event) {
        final Object key = event.containsKey("caseId") && String.valueOf(event.get("type")).startsWith("case.")
            ? event.get("caseId") : event.containsKey("feedbackId") ? event.get("feedbackId") : event.get("unitId");
        return String.valueOf(key);
    }

    private static List<String> json(final List<Map<String, Object>> events) {
        return events.stream().map(JsonText::of).toList();
    }

    /** The text with its first '?' as the surrogate U+D800 encoded as UTF-8 would encode a character (CESU-8). */
    private static byte[] cesuSurrogate(final String text) {
        final byte[] bytes = utf8(text.contains("?") ? text : text.replaceFirst("\"eventId\":\"", "\"eventId\":\"?"));
        final int at = indexOf(bytes, (byte) '?');
        final byte[] withSurrogate = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withSurrogate, 0, at);
        withSurrogate[at] = (byte) 0xED;
        withSurrogate[at + 1] = (byte) 0xA0;
        withSurrogate[at + 2] = (byte) 0x80;
        System.arraycopy(bytes, at + 1, withSurrogate, at + 3, bytes.length - at - 1);
        return withSurrogate;
    }

    private static int indexOf(final byte[] bytes, final byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + (char) wanted);
    }

    private static int firstNul(final byte[] bytes) {
        return indexOf(bytes, (byte) 0);
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
