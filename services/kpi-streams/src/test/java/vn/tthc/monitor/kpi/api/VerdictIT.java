package vn.tthc.monitor.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict.FinalReason;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.kpi.testing.TopicReader;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * Issue 14 point 5 on a real broker: the periods of a past year get their verdict (revision 0) once on
 * {@code tthc-kpi-verdicts}, a restart (the state restored from the changelogs) writes nothing again, and an event
 * counted after it gives exactly one correction per period, which the query API shows on the rows.
 */
class VerdictIT {

    private static final String UNIT = "V1";
    private static final List<String> PERIODS = List.of("2025-03", "2025-Q1", "2025-H1", "2025");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPastPeriodGetsOneVerdictAndALateEventExactlyOneCorrectionAcrossARestart() throws Exception {
        final Map<String, Object> properties = Map.of("tthc.verdicts.check-interval", "2s");
        final RunningService before = new RunningService(properties);
        final Map<String, Integer> revisionsBefore = new HashMap<>();
        try (TopicReader<PeriodVerdict> verdicts = new TopicReader<>(before.topic("kpi-verdicts"),
                 JacksonSerde.json(PeriodVerdict.class).deserializer())) {
            try (before) {
                before.send(lines(List.of(
                    received("K1", "2025-03-03T02:00:00Z"), resolved("K1", "2025-03-04T02:00:00Z"),
                    received("K2", "2025-03-05T02:00:00Z"), resolved("K2", "2025-03-06T02:00:00Z"))));
                // the periods of 2025 are long past their cut-off: final once their rows stop changing; should the
                // cases reach the rows across a check, the verdict's corrections follow them
                await().atMost(WAIT).untilAsserted(() -> {
                    final List<PeriodVerdict> all = verdicts.values();
                    for (final String period : PERIODS) {
                        final List<PeriodVerdict> revisions = revisions(all, period);
                        assertThat(revisions).as(period).isNotEmpty();
                        assertThat(objective(revisions.get(revisions.size() - 1), Kpi.ON_TIME_RATE).volume()).isEqualTo(2);
                    }
                });
                final List<PeriodVerdict> all = verdicts.values();
                for (final String period : PERIODS) {
                    assertThat(revisions(all, period)).as(period).extracting(PeriodVerdict::revision)
                        .containsExactlyElementsOf(consecutive(revisions(all, period).size()));
                    revisionsBefore.put(period, revisions(all, period).size());
                }
                final PeriodVerdict march = revisions(all, "2025-03").get(0);
                assertThat(march.finalReason()).isEqualTo(FinalReason.CUT_OFF);
                // the 10th working day after 31/03/2025 is 15/04 (07/04 is the Hùng Kings' day off): final from
                // 16/04 00:00 in Vietnam
                assertThat(march.finalAt()).isEqualTo(Instant.parse("2025-04-15T17:00:00Z"));
                await().atMost(WAIT).untilAsserted(() -> {
                    final JsonNode row = row(before, "2025-03");
                    assertThat(row.path("finality").asText()).isEqualTo("final");
                    assertThat(row.path("finalFrom").asText()).isEqualTo("2025-04-15T17:00:00Z");
                });
            }
            try (RunningService after = RunningService.restartOf(before, properties)) {
                final Instant sent = Instant.now();
                after.send(lines(List.of(new SurveySubmitted("late-1", Instant.parse("2025-03-20T02:00:00Z"), null, UNIT,
                    "HO_TICH", null, Rating.DISSATISFIED))));
                await().atMost(WAIT).untilAsserted(() -> {
                    final List<PeriodVerdict> all = verdicts.values();
                    for (final String period : PERIODS) {
                        final List<PeriodVerdict> revisions = revisions(all, period);
                        assertThat(objective(revisions.get(revisions.size() - 1), Kpi.SATISFACTION_RATE).volume())
                            .as(period).isEqualTo(1);
                    }
                });
                final List<PeriodVerdict> all = verdicts.values();
                for (final String period : PERIODS) {
                    // the restart wrote nothing again; the late event exactly one correction
                    assertThat(revisions(all, period)).as(period).extracting(PeriodVerdict::revision)
                        .containsExactlyElementsOf(consecutive(revisionsBefore.get(period) + 1));
                }
                final List<PeriodVerdict> march = revisions(all, "2025-03");
                final PeriodVerdict correction = march.get(march.size() - 1);
                assertThat(correction.isCorrection()).isTrue();
                assertThat(correction.finalAt()).isEqualTo(Instant.parse("2025-04-15T17:00:00Z"));
                assertThat(correction.lastCorrectedAt()).isAfterOrEqualTo(sent.minusSeconds(1));
                assertThat(objective(correction, Kpi.SATISFACTION_RATE).value()).isEqualTo(0.0);
                await().atMost(WAIT).untilAsserted(() -> {
                    final JsonNode row = row(after, "2025-03");
                    assertThat(row.path("finality").asText()).isEqualTo("final");
                    assertThat(row.path("correctedAfterFinal").asLong()).isEqualTo(correction.correctedAfterFinal());
                    assertThat(Instant.parse(row.path("lastCorrectedAt").asText())).isEqualTo(correction.lastCorrectedAt());
                });
            }
        }
    }

    private static List<Integer> consecutive(final int count) {
        return java.util.stream.IntStream.range(0, count).boxed().toList();
    }

    private static List<PeriodVerdict> mine(final List<PeriodVerdict> all) {
        return all.stream().filter(v -> v.unitId().equals(UNIT)).toList();
    }

    private static List<PeriodVerdict> revisions(final List<PeriodVerdict> all, final String period) {
        return mine(all).stream().filter(v -> v.period().equals(period)).toList();
    }

    private static ObjectiveVerdict objective(final PeriodVerdict verdict, final Kpi kpi) {
        return verdict.objectives().stream().filter(o -> o.fieldId().equals("*") && o.kpi() == kpi).findFirst()
            .orElseThrow();
    }

    private static JsonNode row(final RunningService service, final String period) throws Exception {
        final var response = service.get("/api/v1/units/" + UNIT + "/kpis");
        assertThat(response.statusCode()).isEqualTo(200);
        for (final JsonNode row : ContractJson.mapper().readTree(response.body())) {
            if (row.path("fieldId").asText().equals("*") && row.path("period").asText().equals(period)) {
                return row;
            }
        }
        throw new AssertionError("no * row of " + period + " in " + response.body());
    }

    private static CaseReceived received(final String caseId, final String at) {
        return new CaseReceived(caseId + "-r", Instant.parse(at), null, caseId, UNIT, "HO_TICH", "1.1", Channel.ONLINE, true,
            Instant.parse(at).plus(Duration.ofDays(3)));
    }

    private static CaseResolved resolved(final String caseId, final String at) {
        return new CaseResolved(caseId + "-s", Instant.parse(at), null, caseId, CaseResult.APPROVED);
    }

    private static List<String> lines(final List<? extends Event> events) throws Exception {
        final List<String> lines = new ArrayList<>();
        for (final Event event : events) {
            lines.add(ContractJson.mapper().writeValueAsString(event));
        }
        return lines;
    }
}
