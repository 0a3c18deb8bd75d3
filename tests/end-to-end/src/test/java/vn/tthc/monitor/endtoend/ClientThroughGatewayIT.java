package vn.tthc.monitor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tthc.monitor.endtoend.RunningPipeline.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.ingest.client.EventOutcome;
import vn.tthc.monitor.ingest.client.IngestClient;
import vn.tthc.monitor.ingest.client.IngestResult;
import vn.tthc.monitor.ingest.client.event.CaseResult;
import vn.tthc.monitor.ingest.client.event.Channel;
import vn.tthc.monitor.ingest.client.event.Events;
import vn.tthc.monitor.ingest.client.event.IngestEvent;

/**
 * A case system's events, built with the Java client and sent through a running gateway (its own JVM), counted by a
 * running kpi-streams on a real broker: the client's per-event outcomes, the unit's KPI counters, the intake counts.
 */
class ClientThroughGatewayIT {

    private static final String UNIT = "SO-TNMT";
    private static final String FIELD = "DAT_DAI";
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static RunningPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new RunningPipeline(Map.of());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void eventsSentWithTheClientAreCountedInTheUnitsKpisAndTheRejectedAndDuplicateOnesAreNot() throws Exception {
        // Five cases of SO-TNMT / DAT_DAI, all in March 2026 (local time +07:00):
        //   C1 due 12/03 17:00, resolved 12/03 10:00: same local date, not after the due time -> onTime
        //   C2 due 12/03 17:00, resolved 10/03 15:00: local date before the due date         -> early
        //   C3 due 13/03 17:00, resolved 13/03 16:59                                          -> onTime
        //   C4 due 13/03 17:00, resolved 16/03 09:00: after the due time                     -> late
        //   C5 due 14/03 17:00, not resolved                                                  -> open, received only
        // C1's resolution is sent twice (same eventId): the second is a duplicate.
        // C6's reception has channel "FAX", outside the enumeration: rejected, never written.
        // Expected row (*, 2026-03) and (DAT_DAI, 2026-03): received 5; receivedOnline 3 (C1, C3, C5);
        // onlineEligible 4 (C1, C2, C3, C5); onlineEligibleOnline 3 (C1, C3, C5);
        // resolved 4 = early 1 (C2) + onTime 2 (C1, C3) + late 1 (C4); withdrawn 0; extended 0.
        // onTimeRate = (early + onTime) / resolved = 3 / 4.
        final IngestEvent c1Resolved = resolved("C1", at(12, 10, 0));
        final IngestEvent invalid = withField(received("C6", at(5, 8, 0), Channel.COUNTER, false, at(16, 17, 0)),
            "channel", "FAX");
        final List<IngestEvent> events = List.of(
            received("C1", at(2, 8, 0), Channel.ONLINE, true, at(12, 17, 0)),
            received("C2", at(2, 9, 0), Channel.COUNTER, true, at(12, 17, 0)),
            received("C3", at(3, 8, 0), Channel.ONLINE, true, at(13, 17, 0)),
            received("C4", at(3, 8, 30), Channel.POSTAL, false, at(13, 17, 0)),
            received("C5", at(4, 8, 0), Channel.ONLINE, true, at(14, 17, 0)),
            c1Resolved,
            resolved("C2", at(10, 15, 0)),
            resolved("C3", at(13, 16, 59)),
            resolved("C4", at(16, 9, 0)),
            c1Resolved,
            invalid);

        final IngestClient client = IngestClient.builder(pipeline.gateway.baseUri(), pipeline.gateway.apiKey())
            .batchSize(4).build();
        final IngestResult result = client.send(events);

        assertThat(result.accepted()).isEqualTo(9);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.outcomes()).hasSize(11);
        assertThat(result.outcomes().get(9).status()).isEqualTo(EventOutcome.Status.DUPLICATE);
        assertThat(result.rejectedEvents()).singleElement().satisfies(rejected -> {
            assertThat(rejected.index()).isEqualTo(10);
            assertThat(rejected.eventId()).isEqualTo(invalid.eventId());
            assertThat(rejected.reason()).contains("channel");
        });

        await("the unit's March row").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonNode rows = pipeline.query("/api/v1/units/" + UNIT + "/kpis");
            for (final String field : List.of("*", FIELD)) {
                final JsonNode counters = row(rows, field, "2026-03").get("counters");
                assertThat(counters.get("received").asLong()).as(field + " received").isEqualTo(5);
                assertThat(counters.get("receivedOnline").asLong()).as(field + " receivedOnline").isEqualTo(3);
                assertThat(counters.get("onlineEligible").asLong()).as(field + " onlineEligible").isEqualTo(4);
                assertThat(counters.get("onlineEligibleOnline").asLong()).as(field + " onlineEligibleOnline")
                    .isEqualTo(3);
                assertThat(counters.get("resolved").asLong()).as(field + " resolved").isEqualTo(4);
                assertThat(counters.get("early").asLong()).as(field + " early").isEqualTo(1);
                assertThat(counters.get("onTime").asLong()).as(field + " onTime").isEqualTo(2);
                assertThat(counters.get("late").asLong()).as(field + " late").isEqualTo(1);
                assertThat(counters.get("withdrawn").asLong()).as(field + " withdrawn").isZero();
            }
        });
        final JsonNode onTimeRate = row(pipeline.query("/api/v1/units/" + UNIT + "/kpis"), "*", "2026-03")
            .get("kpis").get(0);
        assertThat(onTimeRate.get("kpi").asText()).isEqualTo("onTimeRate");
        assertThat(onTimeRate.get("value").asDouble()).isEqualTo(3.0 / 4);

        // kpi-streams saw exactly what the gateway accepted: 9 events of the key's source, nothing rejected or repeated
        await("the intake counts").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonNode intake = pipeline.query("/api/v1/pipeline");
            assertThat(intake.at("/acceptedBySource/" + GatewayProcess.SOURCE).asLong()).isEqualTo(9);
            assertThat(intake.get("accepted").asLong()).isEqualTo(9);
            assertThat(intake.get("rejected").asLong()).isZero();
            assertThat(intake.get("duplicates").asLong()).isZero();
        });
    }

    private static OffsetDateTime at(final int dayOfMarch, final int hour, final int minute) {
        return OffsetDateTime.of(2026, 3, dayOfMarch, hour, minute, 0, 0, VIETNAM);
    }

    private static IngestEvent received(final String caseId, final OffsetDateTime at, final Channel channel,
                                        final boolean onlineEligible, final OffsetDateTime dueAt) {
        return Events.caseReceived(caseId + "-received", at)
            .source(GatewayProcess.SOURCE)
            .caseId(caseId).unitId(UNIT).fieldId(FIELD).procedureId("1.004227")
            .channel(channel).onlineEligible(onlineEligible)
            .dueAt(dueAt)
            .build();
    }

    private static IngestEvent resolved(final String caseId, final OffsetDateTime at) {
        return Events.caseResolved(caseId + "-resolved", at)
            .source(GatewayProcess.SOURCE)
            .caseId(caseId).result(CaseResult.APPROVED)
            .build();
    }

    /** The event with one field replaced, as a buggy case system might send it: the typed builders cannot. */
    private static IngestEvent withField(final IngestEvent event, final String name, final Object value) {
        final Map<String, Object> fields = new LinkedHashMap<>(event.fields());
        fields.put(name, value);
        return new IngestEvent(event.type(), event.eventId(), event.key(), fields);
    }
}
