package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.testing.RunningService;

/**
 * On a real broker: the ids purged after {@code tthc.duplicates.event-id-retention} stay purged when the service
 * restarts on a fresh state directory (the store is restored from its changelog, tombstones and the purge's own key
 * with it), and a repeat under another key older than the retention is then counted, and counted as an unverified id.
 */
class EventIdRetentionIT {

    private static final Map<String, Object> SHORT_RETENTION = Map.of(
        "tthc.duplicates.event-id-retention", "4s", "tthc.duplicates.purge-interval", "500ms");

    @Test
    void purgedIdsStayPurgedAfterARestoreAndTheirRepeatsCountUnverified() throws Exception {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        final RunningService first = new RunningService(SHORT_RETENTION);
        final String caseB;
        final List<String> purged;
        try (first) {
            final int partitions = first.context().getBean(TopicsConfiguration.class).partitions();
            final String caseA = keyIn("C-A-", 0, partitions);
            caseB = keyIn("C-B-", 1, partitions);
            first.send(lines(List.of(received("r-a", caseA, now), received("r-b", caseB, now),
                new CaseResolved("s-1", now.minus(Duration.ofMinutes(1)), null, caseA, CaseResult.APPROVED))));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(first, "/api/v1/pipeline").get("accepted").asLong()).isEqualTo(3));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(eventIds(first))
                .as("the three purged, the purge's own key left").isNotEmpty().allMatch(id -> id.startsWith("\u0000")));
            purged = eventIds(first);
        }

        try (RunningService restarted = RunningService.restartOf(first, SHORT_RETENTION)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(eventIds(restarted)).as("restored from the changelog").containsExactlyInAnyOrderElementsOf(purged));

            restarted.send(lines(List.of(new CaseResolved("s-1", now.minus(Duration.ofMinutes(1)), null, caseB,
                CaseResult.DENIED))));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                final JsonNode counts = json(restarted, "/api/v1/pipeline");
                assertThat(counts.get("accepted").asLong()).isEqualTo(4);
                assertThat(counts.get("duplicates").asLong()).isZero();
                assertThat(counts.get("unverifiedIds").asLong()).isEqualTo(1);
            });
            assertThat(json(restarted, "/api/v1/cases/" + caseB).get("status").asText()).isEqualTo("RESOLVED");
        }
    }

    private static List<String> eventIds(final RunningService service) {
        final ReadOnlyKeyValueStore<String, Long> store = service.context().getBean(KafkaStreams.class).store(
            StoreQueryParameters.fromNameAndType(StoreCatalog.EVENT_IDS_STORE, QueryableStoreTypes.keyValueStore()));
        final List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entry -> ids.add(entry.key));
        }
        return ids;
    }

    /** The first key {@code prefix + n} that the default partitioner puts in {@code partition}. */
    private static String keyIn(final String prefix, final int partition, final int partitions) {
        return IntStream.iterate(0, n -> n + 1).mapToObj(n -> prefix + n)
            .filter(key -> Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions == partition)
            .findFirst().orElseThrow();
    }

    private static CaseReceived received(final String eventId, final String caseId, final Instant at) {
        return new CaseReceived(eventId, at.minus(Duration.ofHours(1)), null, caseId, "UNIT-" + caseId, "HO_TICH",
            "1.004227", Channel.ONLINE, true, at.plus(Duration.ofDays(10)));
    }

    private static List<String> lines(final List<Event> events) {
        return events.stream().map(event -> {
            try {
                return ContractJson.mapper().writeValueAsString(event);
            } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The answer to a GET, once the service answers it with 200 (503 while its stores are not ready). */
    private static JsonNode json(final RunningService service, final String path) throws Exception {
        final var response = service.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }
}
