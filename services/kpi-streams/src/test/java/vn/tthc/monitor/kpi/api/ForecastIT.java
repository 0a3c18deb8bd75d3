package vn.tthc.monitor.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.kpi.testing.TopicReader;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Issue 14 points 3 and 4 on a real broker: the allowance and the forecast in {@code /units/{id}/kpis} follow the
 * events that change them, the wall clock alone raises an AT_RISK alert when open cases go overdue, a restart
 * restores it (updated, never raised again), and cases left waiting on the citizen resolve it.
 */
class ForecastIT {

    private static final String UNIT = "F1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void allowanceAndForecastFollowTheEventsAndTheWallClockRaisesAnAtRiskAlertOnceAcrossARestart() throws Exception {
        final Path targets = TestDirectories.fresh("targets").resolve("targets.yaml");
        Files.writeString(targets, "defaults: {minVolume: 4, onTimeRate: 0.75}\n");
        final Map<String, Object> properties = Map.of("tthc.targets.file", targets.toString(),
            "tthc.forecast.recompute-interval", "1s", "tthc.forecast.check-interval", "200ms");
        final Instant now = Instant.now();
        final String month = Period.containing(now).get(0).toString();
        final RunningService before = new RunningService(properties);
        try (TopicReader<KpiAlert> history = new TopicReader<>(before.topic("alert-history"),
                 JacksonSerde.json(KpiAlert.class).deserializer())) {
            try (before) {
                // three on time of three: 3 - 0.75·3 = 0.75 leaves one late case to absorb; no open case: the rate itself
                before.send(lines(resolved("E1", now, false), resolved("E2", now, false), resolved("E3", now, false)));
                awaitOnTime(before, month, 3, 1L, 1.0);
                // two open cases due in 30 s, each projected on time with p = the target (volume 3 is below minVolume 4)
                final Instant due = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
                before.send(lines(List.of(received("O1", due), received("O2", due))));
                awaitOnTime(before, month, 3, 1L, (3 + 0.75 * 2) / 5);
                // one late: 3 of 4, exactly at the target, nothing more to absorb; p is now the row's own 3/4
                before.send(lines(resolved("L1", now, true)));
                awaitOnTime(before, month, 4, 0L, (3 + 0.75 * 2) / 6);
                assertThat(atRisk(history.values(), month)).isEmpty();

                // no event: once due, both are certain late, 3/6 < 0.75 while 3/4 meets it
                await().atMost(WAIT).untilAsserted(() -> assertThat(atRisk(history.values(), month))
                    .extracting(KpiAlert::state).containsExactly(AlertState.RAISED));
                final KpiAlert raised = atRisk(history.values(), month).get(0);
                assertThat(raised.forecast()).isEqualTo(0.5);
                assertThat(raised.drivingIds()).containsExactly("O1", "O2");
                assertThat(raised.drivingCases()).extracting(DrivingCase::effectiveDue).containsOnly(due);
                assertThat(raised.allowance()).isZero();
                awaitOnTime(before, month, 4, 0L, 0.5);
                assertThat(openAlerts(before)).anyMatch(a -> a.kind() == AlertKind.AT_RISK && a.unitId().equals(UNIT)
                    && a.period().equals(month) && a.fieldId().equals("*"));
                final JsonNode open = json(before.get("/api/v1/units/" + UNIT + "/open-cases").body());
                assertThat(open).hasSize(2);
                assertThat(open).allSatisfy(c -> {
                    assertThat(c.path("state").asText()).isEqualTo("OVERDUE");
                    assertThat(Instant.parse(c.path("effectiveDue").asText())).isEqualTo(due);
                    // working time: none left (zero on a day off such as a Sunday, negative on a working day)
                    assertThat(Duration.parse(c.path("remainingWorkingTime").asText())).isLessThanOrEqualTo(Duration.ZERO);
                });
                assertThat(json(before.get("/api/v1/units/" + UNIT + "/open-cases?state=OVERDUE").body())).hasSize(2);
                assertThat(json(before.get("/api/v1/units/" + UNIT + "/open-cases?state=WAITING_ON_CITIZEN").body())).isEmpty();
                await().atMost(WAIT).untilAsserted(() -> assertThat(before.get("/prometheus").body())
                    .contains("tthc_kpi_forecast_ratio{field=\"*\",kpi=\"onTimeRate\",period=\"month\",scope=\"own\",unit=\"F1\"} 0.5")
                    .contains("tthc_kpi_allowance{field=\"*\",kpi=\"onTimeRate\",period=\"month\",scope=\"own\",unit=\"F1\"} 0.0"));
            }
            try (RunningService after = RunningService.restartOf(before, properties)) {
                // a third case, overdue already: the restored alert is updated, not raised again
                after.send(lines(List.of(received("O3", Instant.now().minusSeconds(60)))));
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(atRisk(history.values(), month))
                    .extracting(KpiAlert::state).containsExactly(AlertState.RAISED, AlertState.UPDATED));
                final KpiAlert updated = atRisk(history.values(), month).get(1);
                assertThat(updated.drivingIds()).containsExactly("O3", "O1", "O2");
                assertThat(updated.raisedAt()).isEqualTo(atRisk(history.values(), month).get(0).raisedAt());

                // all three wait on the citizen: left out, the forecast is the rate again
                final Instant request = Instant.now();
                after.send(lines(List.of(new SupplementRequested("O1-q", request, null, "O1"),
                    new SupplementRequested("O2-q", request, null, "O2"), new SupplementRequested("O3-q", request, null, "O3"))));
                // the three requests reach the forecast stage from three partitions: a pass between them updates
                await().atMost(WAIT).untilAsserted(() -> assertThat(atRisk(history.values(), month))
                    .extracting(KpiAlert::state).endsWith(AlertState.RESOLVED));
                assertThat(atRisk(history.values(), month)).extracting(KpiAlert::state)
                    .startsWith(AlertState.RAISED, AlertState.UPDATED).containsOnlyOnce(AlertState.RAISED, AlertState.RESOLVED);
                awaitOnTime(after, month, 4, 0L, 0.75);
                assertThat(openAlerts(after)).noneMatch(a -> a.kind() == AlertKind.AT_RISK && a.unitId().equals(UNIT));
            }
        }
    }

    @Test
    void aSubtreeRowsForecastCountsTheOpenCasesOfEveryUnitUnderItAndRaisesItsAtRiskAlertNamingTheChild() throws Exception {
        final Path directory = TestDirectories.fresh("subtree-forecast");
        final Path targets = Files.writeString(directory.resolve("targets.yaml"),
            "defaults: {minVolume: 4, onTimeRate: 0.75}\n");
        final Path units = Files.writeString(directory.resolve("units.yaml"), """
            units:
              - {id: P, name: UBND huyện}
              - {id: C1, name: UBND xã Một, parent: P}
              - {id: C2, name: UBND xã Hai, parent: P}
            """);
        final Instant now = Instant.now();
        final String month = Period.containing(now).get(0).toString();
        try (RunningService service = new RunningService(Map.of("tthc.targets.file", targets.toString(),
            "tthc.units.file", units.toString()))) {
            // three on time in C1, two cases of C2 already overdue: the district's subtree expects 3 on time of 5,
            // below 0.75 while its value (3 of 3) meets it; C2 alone (2 projected) stays below minVolume
            service.send(lines(resolved("C1", "S1", now, false), resolved("C1", "S2", now, false),
                resolved("C1", "S3", now, false), List.of(received("C2", "S4", now.minusSeconds(60)),
                    received("C2", "S5", now.minusSeconds(60)))));
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(onTime(service, "/api/v1/units/P/kpis?scope=subtree", month).path("forecast").asDouble())
                    .isEqualTo(0.6);
                assertThat(onTime(service, "/api/v1/units/C1/kpis", month).path("forecast").asDouble()).isEqualTo(1.0);
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(service.get("/prometheus").body()).contains(
                "tthc_kpi_forecast_ratio{field=\"*\",kpi=\"onTimeRate\",period=\"month\",scope=\"subtree\",unit=\"P\"} 0.6",
                "tthc_kpi_forecast_ratio{field=\"*\",kpi=\"onTimeRate\",period=\"month\",scope=\"own\",unit=\"C1\"} 1.0"));
            await().atMost(WAIT).untilAsserted(() -> {
                final List<KpiAlert> atRisk = openAlerts(service).stream().filter(a -> a.kind() == AlertKind.AT_RISK).toList();
                assertThat(atRisk).extracting(KpiAlert::unitId).containsOnly("P");
                final List<KpiAlert> ofMonth = atRisk.stream()
                    .filter(a -> a.fieldId().equals("*") && a.period().equals(month)).toList();
                assertThat(ofMonth).hasSize(1);
                final KpiAlert alert = ofMonth.get(0);
                assertThat(alert.key()).containsExactly("P", "*", month, "onTimeRate", "subtree", "AT_RISK");
                assertThat(alert.forecast()).isEqualTo(0.6);
                assertThat(alert.drivingChildren()).containsExactly(new DrivingChild("C2", 2));
            });
        }
    }

    /** Waits until the unit's {@code *} row of {@code month} shows these on-time figures, the forecast included. */
    private static void awaitOnTime(final RunningService service, final String month, final long volume,
                                    final Long allowance, final double forecast) {
        await().atMost(WAIT).untilAsserted(() -> {
            final JsonNode onTime = onTime(service, month);
            assertThat(onTime.path("volume").asLong()).isEqualTo(volume);
            assertThat(onTime.path("allowance").asLong()).isEqualTo(allowance);
            assertThat(onTime.path("recoverable").asBoolean()).isTrue();
            assertThat(onTime.path("forecast").asDouble()).isEqualTo(forecast);
        });
    }

    private static JsonNode onTime(final RunningService service, final String month) throws Exception {
        return onTime(service, "/api/v1/units/" + UNIT + "/kpis", month);
    }

    private static JsonNode onTime(final RunningService service, final String path, final String month) throws Exception {
        final var response = service.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        for (final JsonNode row : json(response.body())) {
            if (row.path("fieldId").asText().equals("*") && row.path("period").asText().equals(month)) {
                for (final JsonNode kpi : row.path("kpis")) {
                    if (kpi.path("kpi").asText().equals("onTimeRate")) {
                        return kpi;
                    }
                }
            }
        }
        throw new AssertionError("no on-time KPI of the * row of " + month + " in " + response.body());
    }

    private static List<KpiAlert> openAlerts(final RunningService service) throws Exception {
        return List.of(ContractJson.mapper().readValue(service.get("/api/v1/alerts").body(), KpiAlert[].class));
    }

    private static List<KpiAlert> atRisk(final List<KpiAlert> alerts, final String month) {
        return alerts.stream().filter(a -> a.kind() == AlertKind.AT_RISK && a.unitId().equals(UNIT)
            && a.fieldId().equals("*") && a.period().equals(month)).toList();
    }

    private static JsonNode json(final String body) throws JsonProcessingException {
        return ContractJson.mapper().readTree(body);
    }

    private static CaseReceived received(final String caseId, final Instant due) {
        return received(UNIT, caseId, due);
    }

    private static CaseReceived received(final String unitId, final String caseId, final Instant due) {
        return new CaseReceived(caseId + "-r", due.minusSeconds(3600), null, caseId, unitId, "HO_TICH", "1.1",
            Channel.ONLINE, true, due);
    }

    private static List<Event> resolved(final String caseId, final Instant at, final boolean late) {
        return resolved(UNIT, caseId, at, late);
    }

    private static List<Event> resolved(final String unitId, final String caseId, final Instant at, final boolean late) {
        final Instant due = at.minusSeconds(late ? 60 : -60);
        return List.of(new CaseReceived(caseId + "-r", at.minusSeconds(120), null, caseId, unitId, "HO_TICH", "1.1",
            Channel.ONLINE, true, due), new CaseResolved(caseId + "-s", at, null, caseId, CaseResult.APPROVED));
    }

    @SafeVarargs
    private static List<String> lines(final List<? extends Event>... groups) {
        final List<String> lines = new ArrayList<>();
        for (final List<? extends Event> group : groups) {
            for (final Event event : group) {
                try {
                    lines.add(ContractJson.mapper().writeValueAsString(event));
                } catch (final JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return lines;
    }
}
