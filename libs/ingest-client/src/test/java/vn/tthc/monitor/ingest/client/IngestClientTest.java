package vn.tthc.monitor.ingest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.ingest.client.event.Events;
import vn.tthc.monitor.ingest.client.event.IngestEvent;
import vn.tthc.monitor.ingest.client.testing.StubGateway;
import vn.tthc.monitor.ingest.client.testing.StubGateway.Reply;

class IngestClientTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:15:00Z");
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(400);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final StubGateway gateway = new StubGateway();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void sendsTheEventsInBatchesAsJsonArraysWithTheKeyAsBearerToken() throws Exception {
        final IngestResult result = client(gateway.uri(), 2).send(events(5));

        assertThat(gateway.requests()).extracting(request -> request.body().size()).containsExactly(2, 2, 1);
        assertThat(gateway.requests()).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer test-key");
            assertThat(request.contentType()).isEqualTo("application/json");
        });
        assertThat(gateway.requests().get(1).body().get(0).path("eventId").asText()).isEqualTo("e-2");
        assertThat(result.accepted()).isEqualTo(5);
        assertThat(result.outcomes()).extracting(EventOutcome::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(waits).isEmpty();
    }

    @Test
    void waitsTheRetryAfterSecondsOf429ThenSendsTheBatchAgain() throws Exception {
        gateway.then(Reply.problem(429, "Too Many Requests", Map.of("Retry-After", "7")));

        final IngestResult result = client(gateway.uri(), 10).send(events(3));

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(gateway.requests()).hasSize(2);
        assertThat(gateway.requests().get(1).body()).isEqualTo(gateway.requests().get(0).body());
        assertThat(result.accepted()).isEqualTo(3);
    }

    @Test
    void readsARetryAfterDateAgainstTheClock() throws Exception {
        final String inNineSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(9).atOffset(ZoneOffset.UTC));
        gateway.then(Reply.problem(429, "Too Many Requests", Map.of("Retry-After", inNineSeconds)));

        client(gateway.uri(), 10).send(events(1));

        assertThat(waits).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void backsOffWithJitterAfter503WithoutRetryAfterThenSucceeds() throws Exception {
        gateway.then(Reply.problem(503, "Service Unavailable", Map.of()));

        final IngestResult result = client(gateway.uri(), 10).send(events(2));

        assertThat(waits).singleElement()
            .satisfies(wait -> assertThat(wait).isBetween(INITIAL_BACKOFF.dividedBy(2), INITIAL_BACKOFF));
        assertThat(gateway.requests()).hasSize(2);
        assertThat(result.accepted()).isEqualTo(2);
    }

    @Test
    void givesUpAfterMaxAttemptsWithBackoffsDoublingUpToTheMaximum() {
        IntStream.range(0, 6).forEach(i -> gateway.then(Reply.problem(500, "Internal Server Error", Map.of())));

        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(2)))
            .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.getMessage()).contains("after 5 attempts");
            });
        assertThat(gateway.requests()).hasSize(5);
        assertThat(waits).hasSize(4);
        for (int retry = 1; retry <= 4; retry++) {
            final Duration ceiling = min(INITIAL_BACKOFF.multipliedBy(1L << (retry - 1)), MAX_BACKOFF);
            assertThat(waits.get(retry - 1)).isBetween(ceiling.dividedBy(2), ceiling);
        }
    }

    @Test
    void retriesConnectionErrorsAndGivesUpWithTheCause() throws Exception {
        final URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        assertThatThrownBy(() -> client(nobodyListens, 10).send(events(1)))
            .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                assertThat(e.status()).isZero();
                assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
            });
        assertThat(waits).hasSize(4);
    }

    @Test
    void doesNotRetryABadRequest() {
        gateway.then(Reply.problem(400, "Bad Request", Map.of()));

        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(2)))
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("400 Bad Request: Bad Request (stub)");
        assertThat(gateway.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void doesNotRetryAnUnknownKey() {
        gateway.then(Reply.problem(401, "Unauthorized", Map.of("WWW-Authenticate", "Bearer")));

        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(1))).isInstanceOf(AuthenticationException.class);
        assertThat(gateway.requests()).hasSize(1);
    }

    @Test
    void doesNotRetryEventsOfAnotherSource() {
        gateway.then(Reply.problem(403, "Forbidden source", Map.of()));

        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(1)))
            .isInstanceOfSatisfying(ForbiddenSourceException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(gateway.requests()).hasSize(1);
    }

    @Test
    void doesNotRetryATooLargeOrWronglyTypedBody() {
        gateway.then(Reply.problem(413, "Payload Too Large", Map.of()));
        gateway.then(Reply.problem(415, "Unsupported Media Type", Map.of()));

        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(1))).isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(1)))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThat(gateway.requests()).hasSize(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void aFailedBatchCarriesTheOutcomesOfTheBatchesBeforeIt() {
        gateway.then(new Reply(200, Map.of(), "{\"accepted\":2,\"duplicate\":0,\"rejected\":0,\"results\":["
            + "{\"index\":0,\"eventId\":\"e-0\",\"status\":\"accepted\"},{\"index\":1,\"eventId\":\"e-1\",\"status\":\"accepted\"}]}"));
        gateway.then(Reply.problem(401, "Unauthorized", Map.of()));

        assertThatThrownBy(() -> client(gateway.uri(), 2).send(events(4)))
            .isInstanceOfSatisfying(AuthenticationException.class, e ->
                assertThat(e.resultSoFar().outcomes()).extracting(EventOutcome::eventId).containsExactly("e-0", "e-1"));
    }

    @Test
    void listsRejectedEventsWithTheirPlaceInTheWholeListAndReason() throws Exception {
        gateway.rejecting(Set.of("e-3"));

        final IngestResult result = client(gateway.uri(), 2).send(events(5));

        assertThat(result.accepted()).isEqualTo(4);
        assertThat(result.rejectedEvents()).containsExactly(
            new EventOutcome(3, "e-3", EventOutcome.Status.REJECTED, "missing required field 'caseId'"));
        assertThatThrownBy(result::throwIfRejected)
            .isInstanceOfSatisfying(RejectedEventsException.class,
                e -> assertThat(e.rejectedEvents()).extracting(EventOutcome::index).containsExactly(3))
            .hasMessageContaining("1 of 5 events rejected: #3 e-3 (missing required field 'caseId')");
    }

    @Test
    void readsDuplicatesFromTheAnswer() throws Exception {
        gateway.then(new Reply(200, Map.of(), "{\"accepted\":0,\"duplicate\":1,\"rejected\":0,\"results\":["
            + "{\"index\":0,\"eventId\":\"e-0\",\"status\":\"duplicate\",\"reason\":\"eventId already accepted\"}]}"));

        final IngestResult result = client(gateway.uri(), 10).send(events(1));

        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.outcomes().get(0).reason()).isEqualTo("eventId already accepted");
    }

    @Test
    void anAnswerMissingAnEventsResultIsAnError() {
        gateway.then(new Reply(200, Map.of(), "{\"accepted\":1,\"duplicate\":0,\"rejected\":0,\"results\":["
            + "{\"index\":0,\"eventId\":\"e-0\",\"status\":\"accepted\"}]}"));

        assertThatThrownBy(() -> client(gateway.uri(), 10).send(events(2)))
            .isInstanceOf(IngestException.class)
            .hasMessageContaining("no result for index 1");
    }

    private IngestClient client(final URI uri, final int batchSize) {
        return IngestClient.builder(uri, "test-key")
            .batchSize(batchSize)
            .maxAttempts(5)
            .backoff(INITIAL_BACKOFF, MAX_BACKOFF)
            .connectTimeout(Duration.ofSeconds(2))
            .sleeper(waits::add)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .random(new SplittableRandom(42))
            .build();
    }

    private static List<IngestEvent> events(final int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> Events.caseReturned("e-" + i, NOW).source("test-system").caseId("HS-" + i).build())
            .toList();
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
