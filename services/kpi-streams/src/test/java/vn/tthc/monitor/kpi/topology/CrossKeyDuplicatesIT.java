package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.testing.RunningService;

/**
 * On a real broker, where the keys of an id's deliveries fall in different partitions: each is
 * counted in its own partition's task at once, and the later one is found through
 * {@code events-by-id}, sent back to the task that counted it and taken out again.
 */
class CrossKeyDuplicatesIT {

    @Test
    void anIdDeliveredAgainUnderAKeyOfAnotherPartitionEndsUncounted() throws Exception {
        try (RunningService service = new RunningService(Map.of())) {
            final int partitions = service.context().getBean(TopicsConfiguration.class).partitions();
            assertThat(partitions).isGreaterThan(1);
            final String caseA = keyIn("C-A-", 0, partitions);
            final String caseB = keyIn("C-B-", 1, partitions);
            final String unitA = keyIn("UNIT-A-", 0, partitions);
            final String unitB = keyIn("UNIT-B-", 1, partitions);
            final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            final List<Event> first = List.of(
                received("r-a", caseA, unitA, now), received("r-b", caseB, unitB, now),
                new CaseResolved("s-1", now, null, caseA, CaseResult.APPROVED),
                new SurveySubmitted("v-1", now, null, unitA, null, null, Rating.DISSATISFIED));
            final Event resolutionAgain = new CaseResolved("s-1", now, null, caseB, CaseResult.DENIED);
            final Event surveyAgain = new SurveySubmitted("v-1", now, null, unitB, null, null, Rating.VERY_SATISFIED);
            // each twice: the second may come before or after the first is taken out again
            final List<Event> againUnderOtherKeys = List.of(resolutionAgain, surveyAgain, resolutionAgain, surveyAgain);
            final JsonNode expected = ContractJson.mapper().valueToTree(
                InMemoryKpis.report(lines(first), Targets.sectionThreeDefaults()));

            service.send(lines(first));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ReportComparison.differences(json(service, "/api/v1/report"), expected)).isEmpty());
            service.send(lines(againUnderOtherKeys));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                final JsonNode counts = json(service, "/api/v1/pipeline");
                assertThat(counts.get("duplicates").asLong()).isEqualTo(4);
                assertThat(counts.get("accepted").asLong()).isEqualTo(4);
            });
            assertThat(json(service, "/api/v1/cases/" + caseB).get("status").asText()).isNotEqualTo("RESOLVED");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ReportComparison.differences(json(service, "/api/v1/report"), expected)).isEmpty());
        }
    }

    /** The first key {@code prefix + n} that the default partitioner puts in {@code partition}. */
    private static String keyIn(final String prefix, final int partition, final int partitions) {
        return IntStream.iterate(0, n -> n + 1).mapToObj(n -> prefix + n)
            .filter(key -> Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions == partition)
            .findFirst().orElseThrow();
    }

    private static CaseReceived received(final String eventId, final String caseId, final String unitId, final Instant at) {
        return new CaseReceived(eventId, at.minus(Duration.ofHours(1)), null, caseId, unitId, "HO_TICH", "1.004227",
            Channel.ONLINE, true, at.plus(Duration.ofDays(10)));
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
