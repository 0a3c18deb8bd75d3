package vn.tthc.monitor.gateway.owners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.gateway.RunningGateway;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The source of the first accepted event of a case or feedback owns it, and the source of an
 * eventId owns that id: on the real broker, through restarts, across two instances and through the
 * national status sync; the claims are on the entity owners topic before the answer.
 */
class EntityOwnersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "tthc_test-operator-key";
    private static final Map<String, String> AS_OPERATOR = Map.of("Authorization", "Bearer " + OPERATOR_KEY);
    private static final Map<String, String> AS_OTHER = Map.of("X-Api-Key", RunningGateway.OTHER_KEY);
    private static final String SOURCE = RunningGateway.SOURCE;
    private static final String OTHER = RunningGateway.OTHER_SOURCE;

    private static String received(final String eventId, final String caseId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"case.received\",\"occurredAt\":\"2026-03-02T08:15:00+07:00\","
            + "\"caseId\":\"" + caseId + "\",\"unitId\":\"UBND-P-VTS\",\"fieldId\":\"DAT_DAI\","
            + "\"procedureId\":\"1.004227\",\"channel\":\"COUNTER\",\"onlineEligible\":false,"
            + "\"dueAt\":\"2026-03-10T17:00:00+07:00\"}";
    }

    private static String resolved(final String eventId, final String caseId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"case.resolved\",\"occurredAt\":\"2026-03-05T10:00:00+07:00\","
            + "\"caseId\":\"" + caseId + "\",\"result\":\"APPROVED\"}";
    }

    private static String feedback(final String eventId, final String type, final String feedbackId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"feedback." + type + "\",\"occurredAt\":\"2026-03-03T09:00:00+07:00\","
            + "\"feedbackId\":\"" + feedbackId + "\",\"unitId\":\"UBND-P-VTS\""
            + ("received".equals(type) ? ",\"dueAt\":\"2026-03-13T09:00:00+07:00\"" : "") + "}";
    }

    private static String survey(final String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"survey.submitted\",\"occurredAt\":\"2026-03-03T09:00:00Z\","
            + "\"unitId\":\"UBND-P-VTS\",\"rating\":\"SATISFIED\"}";
    }

    private static JsonNode send(final RunningGateway gateway, final Map<String, String> key, final String... events)
        throws IOException {
        final HttpResponse<String> response = gateway.post("/api/v1/events", "application/json",
            ("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8), key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("results");
    }

    private static JsonNode sendAsSource(final RunningGateway gateway, final String... events) throws IOException {
        return send(gateway, Map.of("Authorization", "Bearer " + RunningGateway.SOURCE_KEY), events);
    }

    private static List<String> eventIdsOnTopic(final RunningGateway gateway) {
        return gateway.records().stream().map(r -> {
            try {
                return JSON.readTree(r.value()).get("eventId").textValue();
            } catch (final IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The claims on the entity owners topic as {@code key → source}, a tombstone as {@code key → null}, in order. */
    private static List<Map.Entry<String, String>> claims(final String ownersTopic) {
        return RunningGateway.records(ownersTopic).stream()
            .map(r -> entry(new String(r.key(), StandardCharsets.UTF_8),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)))
            .toList();
    }

    /** An entry whose value may be null (a tombstone). */
    private static Map.Entry<String, String> entry(final String key, final String value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    @Test
    void the_source_of_the_first_accepted_event_of_a_case_or_feedback_owns_it_and_its_claims_are_written_before_the_answer()
        throws IOException {
        try (RunningGateway gateway = new RunningGateway()) {
            final JsonNode first = sendAsSource(gateway, received("a-1", "C-1"), feedback("a-2", "received", "F-1"),
                survey("a-3"));
            assertThat(first.findValuesAsText("status")).containsExactly("accepted", "accepted", "accepted");
            assertThat(claims(gateway.ownersTopic())).as("acknowledged before the answer: no wait")
                .containsExactlyInAnyOrder(Map.entry("case:C-1|" + SOURCE, SOURCE), Map.entry("event:a-1|" + SOURCE, SOURCE),
                    Map.entry("feedback:F-1|" + SOURCE, SOURCE), Map.entry("event:a-2|" + SOURCE, SOURCE),
                    Map.entry("event:a-3|" + SOURCE, SOURCE));

            final JsonNode other = send(gateway, AS_OTHER, resolved("b-1", "C-1"), feedback("b-2", "resolved", "F-1"),
                received("b-3", "C-2"), survey("b-4"));
            assertThat(other.findValuesAsText("status")).containsExactly("rejected", "rejected", "accepted", "accepted");
            assertThat(other.get(0).get("reason").textValue()).isEqualTo("case 'C-1' belongs to source '" + SOURCE + "'");
            assertThat(other.get(1).get("reason").textValue()).isEqualTo("feedback 'F-1' belongs to source '" + SOURCE + "'");

            final JsonNode owner = sendAsSource(gateway, resolved("a-4", "C-1"), resolved("a-5", "C-2"));
            assertThat(owner.findValuesAsText("status")).as("the owner goes on; a case of the other source is refused to it")
                .containsExactly("accepted", "rejected");
            assertThat(owner.get(1).get("reason").textValue()).isEqualTo("case 'C-2' belongs to source '" + OTHER + "'");

            assertThat(eventIdsOnTopic(gateway)).containsExactlyInAnyOrder("a-1", "a-2", "a-3", "b-3", "b-4", "a-4");
        }
    }

    @Test
    void ownership_of_cases_and_event_ids_survives_a_restart_rebuilt_from_the_topic_or_resumed_from_the_store()
        throws IOException {
        final RunningGateway first = new RunningGateway(Map.of("tthc.gateway.operator-key", OPERATOR_KEY));
        try (first) {
            assertThat(sendAsSource(first, received("r-1", "C-9")).findValuesAsText("status")).containsExactly("accepted");
            assertThat(send(first, AS_OTHER, survey("o-1")).findValuesAsText("status")).containsExactly("accepted");
            await("the first instance has read its claims back").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(health(first).get("unreadClaims").longValue()).isZero());
        }
        // a new instance on the same topics with an empty state directory: rebuilt from the topic
        try (RunningGateway fresh = RunningGateway.besides(first, Map.of("tthc.gateway.operator-key", OPERATOR_KEY))) {
            final JsonNode refused = send(fresh, AS_OTHER, resolved("o-2", "C-9"), survey("r-1"));
            assertThat(refused.findValuesAsText("status")).containsExactly("rejected", "rejected");
            assertThat(refused.get(0).get("reason").textValue()).isEqualTo("case 'C-9' belongs to source '" + SOURCE + "'");
            assertThat(refused.get(1).get("reason").textValue())
                .isEqualTo("eventId already accepted from source '" + SOURCE + "'");
            final JsonNode idOfOther = sendAsSource(fresh, received("o-1", "C-10"));
            assertThat(idOfOther.get(0).get("status").textValue()).as("not a duplicate").isEqualTo("rejected");
            assertThat(idOfOther.get(0).get("reason").textValue())
                .isEqualTo("eventId already accepted from source '" + OTHER + "'");
            assertThat(health(fresh).get("claimsReadSinceStart").longValue()).isEqualTo(3);
        }
        // the first instance again, on its own state directory: resumed where its store stopped
        try (RunningGateway rebuilt = RunningGateway.restarted(first)) {
            final JsonNode refused = send(rebuilt, AS_OTHER, resolved("o-3", "C-9"));
            assertThat(refused.get(0).get("reason").textValue()).isEqualTo("case 'C-9' belongs to source '" + SOURCE + "'");
            assertThat(health(rebuilt).get("claimsReadSinceStart").longValue()).as("nothing read again").isZero();
        }
        assertThat(eventIdsOnTopic(first)).containsExactlyInAnyOrder("r-1", "o-1");
    }

    @Test
    void two_instances_share_ownership_once_the_second_has_read_the_claims_of_the_first() throws IOException {
        final Map<String, Object> operator = Map.of("tthc.gateway.operator-key", OPERATOR_KEY);
        try (RunningGateway one = new RunningGateway(operator);
             RunningGateway two = RunningGateway.besides(one, operator)) {
            assertThat(sendAsSource(one, received("t-1", "C-20")).findValuesAsText("status")).containsExactly("accepted");

            // the second instance follows the topic; it knows the claim once it has read the topic to its end
            await("the second instance has read every claim").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(health(two).get("unreadClaims").longValue()).isZero());
            final JsonNode details = health(two);
            assertThat(details.get("state").textValue()).isEqualTo("loaded");
            assertThat(details.get("claimsReadSinceStart").longValue()).isEqualTo(2);
            assertThat(details.get("pendingClaims").intValue()).isZero();
            assertThat(details.get("topic").textValue()).isEqualTo(one.ownersTopic());

            final JsonNode refused = send(two, AS_OTHER, resolved("t-2", "C-20"), received("t-3", "C-21"));
            assertThat(refused.findValuesAsText("status")).containsExactly("rejected", "accepted");
            assertThat(refused.get(0).get("reason").textValue()).isEqualTo("case 'C-20' belongs to source '" + SOURCE + "'");

            await("the first instance has read the claims of the second").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(health(one).get("unreadClaims").longValue()).isZero());
            assertThat(sendAsSource(one, resolved("t-4", "C-21")).get(0).get("reason").textValue())
                .isEqualTo("case 'C-21' belongs to source '" + OTHER + "'");
        }
    }

    @Test
    void the_claim_at_the_lowest_offset_wins_and_a_losing_claim_is_deleted() throws Exception {
        final Map<String, Object> operator = Map.of("tthc.gateway.operator-key", OPERATOR_KEY);
        try (RunningGateway gateway = new RunningGateway(operator)) {
            // two instances that both claimed case C-30 before reading each other's claim: the topic's order decides
            final Claim winner = new Claim("case:C-30", OTHER);
            final Claim loser = new Claim("case:C-30", SOURCE);
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (final Claim claim : List.of(winner, loser)) {
                    producer.send(new ProducerRecord<>(gateway.ownersTopic(), claim.partition(3), claim.key(),
                        claim.value())).get();
                }
            }
            await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(health(gateway).get("unreadClaims").longValue()).isZero());

            final JsonNode refused = sendAsSource(gateway, resolved("w-1", "C-30"));
            assertThat(refused.get(0).get("reason").textValue()).isEqualTo("case 'C-30' belongs to source '" + OTHER + "'");
            await("the losing claim's tombstone").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(claims(gateway.ownersTopic())).containsSubsequence(
                    Map.entry("case:C-30|" + OTHER, OTHER), Map.entry("case:C-30|" + SOURCE, SOURCE))
                    .contains(entry("case:C-30|" + SOURCE, null)));
        }
    }

    @Test
    void the_national_status_sync_follows_the_same_rule() throws IOException {
        try (RunningGateway gateway = new RunningGateway()) {
            final String maHoSo = "000.00.16.H29-260302-0042";
            final String reception = statusRecord(maHoSo, 2, null);
            final JsonNode first = JSON.readTree(gateway.post("/api/v1/status-sync", "application/json", reception).body());
            assertThat(first.get("accepted").intValue()).isEqualTo(1);

            final HttpResponse<String> response = gateway.post("/api/v1/status-sync", "application/json",
                statusRecord(maHoSo, 9, "20260311160000").getBytes(StandardCharsets.UTF_8), AS_OTHER);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            final JsonNode other = JSON.readTree(response.body());
            assertThat(other.get("accepted").intValue()).isZero();
            final JsonNode events = other.get("results").get(0).get("events");
            assertThat(events.findValuesAsText("type")).containsExactly("case.received", "case.resolved");
            assertThat(events.findValuesAsText("status")).containsExactly("rejected", "rejected");
            assertThat(events.findValuesAsText("reason")).containsOnly("case '" + maHoSo + "' belongs to source '" + SOURCE + "'");
            assertThat(gateway.records()).hasSize(1);
        }
    }

    @Test
    void an_event_whose_claim_is_not_acknowledged_is_not_answered_accepted() throws Exception {
        // the broker refuses every record of this owners topic (larger than its limit)
        final String ownersTopic = "gw-it-owners-small-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(ownersTopic, 3, (short) 1).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16")))).all().get();
        }
        try (RunningGateway gateway = new RunningGateway(Map.of("tthc.gateway.entity-owners-topic", ownersTopic))) {
            final HttpResponse<String> response = gateway.post("/api/v1/events", "application/json",
                "[" + received("u-1", "C-40") + "]");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).get("type").textValue())
                .isEqualTo("urn:tthc-monitor:problem:events-topic-unavailable");
            assertThat(claims(ownersTopic)).isEmpty();
        }
    }

    private static String statusRecord(final String maHoSo, final int status, final String ketThuc) {
        return "{\"MaHoSo\":\"" + maHoSo + "\",\"MaTTHC\":\"1.004227\",\"MaLinhVuc\":\"DAT_DAI\","
            + "\"DonViXuLy\":\"UBND-Q1\",\"NgayTiepNhan\":\"20260302081500\",\"NgayHenTra\":\"20260312170000\","
            + "\"TrangThaiHoSo\":" + status + ",\"KenhThucHien\":\"1\""
            + (ketThuc == null ? "" : ",\"NgayKetThucXuLy\":\"" + ketThuc + "\"") + "}";
    }

    /** The details of the {@code entityOwners} component of /health, as the operator sees them. */
    private static JsonNode health(final RunningGateway gateway) throws IOException {
        final HttpResponse<String> health = gateway.get("/health", AS_OPERATOR);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        return JSON.readTree(health.body()).get("details").get("entityOwners").get("details");
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
