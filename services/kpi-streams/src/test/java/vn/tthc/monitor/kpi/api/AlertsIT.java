package vn.tthc.monitor.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.kpi.testing.TopicReader;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.testing.TestDirectories;

/** Alerts and case warnings through the real topology on a real broker. */
class AlertsIT {

    @Test
    void aBreachIsRaisedUpdatedAndResolvedPastMinVolumeAndAnEndedPeriodIsStale() throws Exception {
        final Path targets = TestDirectories.fresh("targets").resolve("targets.yaml");
        Files.writeString(targets, "defaults: {minVolume: 2, onTimeRate: 0.5}\n");
        try (RunningService service = new RunningService(Map.of("tthc.targets.file", targets.toString()));
             TopicReader<KpiAlert> history = new TopicReader<>(service.topic("alert-history"),
                 JacksonSerde.json(KpiAlert.class).deserializer())) {
            final Instant now = Instant.now();
            final String month = Period.containing(now).get(0).toString();
            service.send(lines(resolved("A", now, true)));
            service.send(lines(resolved("B", now, true)));
            await().atMost(Duration.ofSeconds(60)).until(() -> states(history.values(), month).size() == 1);
            service.send(lines(resolved("C", now, false)));
            await().atMost(Duration.ofSeconds(60)).until(() -> states(history.values(), month).size() == 2);
            service.send(lines(resolved("D", now, false)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(states(history.values(), month))
                .containsExactly(AlertState.RAISED, AlertState.UPDATED, AlertState.RESOLVED));
            final List<KpiAlert> monthAlerts = onTimeAlerts(history.values(), month);
            assertThat(monthAlerts.get(0).volume()).as("raised only once the volume reached minVolume 2").isEqualTo(2);
            // A and B may be summed in either order: they are cases of two partitions
            assertThat(monthAlerts.get(0).drivingIds()).containsExactlyInAnyOrder("A", "B");
            assertThat(monthAlerts).noneMatch(KpiAlert::stale);
            assertThat(openAlerts(service, "")).as("resolved, so no longer open").noneMatch(a -> a.period().equals(month));

            service.send(lines(resolved("OLD1", Instant.parse("2026-03-10T02:00:00Z"), true)));
            service.send(lines(resolved("OLD2", Instant.parse("2026-03-10T02:00:00Z"), true)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(onTimeAlerts(history.values(), "2026-03"))
                .singleElement().satisfies(alert -> assertThat(alert.stale()).isTrue()));
            assertThat(openAlerts(service, "")).noneMatch(KpiAlert::stale);
            assertThat(openAlerts(service, "?includeStale=true"))
                .anyMatch(a -> a.period().equals("2026-03") && a.kpi().equals("onTimeRate") && a.stale());
        }
    }

    @Test
    void aCaseGoesDueSoonThenOverdueFromTheWallClockAlone() throws Exception {
        try (RunningService service = new RunningService(
                 Map.of("tthc.pipeline.watch-interval", "200ms", "tthc.pipeline.watch-grace", "1s"));
             TopicReader<CaseWarning> warnings = new TopicReader<>(service.topic("case-warnings"),
                 JacksonSerde.json(CaseWarning.class).deserializer())) {
            final Instant now = Instant.now();
            // due in 20 s: inside the due-soon window at once, overdue later, and no event after this one
            service.send(lines(new CaseReceived("w-r", now, null, "W1", "U1", "HO_TICH", "1.1", Channel.ONLINE, true,
                now.plusSeconds(20))));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(warnings.values())
                .extracting(CaseWarning::kind).containsExactly(CaseWarning.Kind.DUE_SOON, CaseWarning.Kind.OVERDUE));
            assertThat(warnings.values()).allSatisfy(warning -> assertThat(warning.caseId()).isEqualTo("W1"));
        }
    }

    @Test
    void aCaseWarnedAboutBeforeARestartIsOverdueAfterItOnceAndOnlyOnce() throws Exception {
        final Map<String, Object> fastWatch = Map.of("tthc.pipeline.watch-interval", "200ms", "tthc.pipeline.watch-grace", "1s");
        final RunningService before = new RunningService(fastWatch);
        // due from when the service runs: on a loaded machine its start alone can take longer than the window
        final Instant due = Instant.now().plusSeconds(30);
        try (TopicReader<CaseWarning> warnings = new TopicReader<>(before.topic("case-warnings"),
                 JacksonSerde.json(CaseWarning.class).deserializer())) {
            try (before) {
                before.send(lines(new CaseReceived("x-r", Instant.now(), null, "X1", "U1", "HO_TICH", "1.1", Channel.ONLINE,
                    true, due)));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(warnings.values())
                    .extracting(CaseWarning::kind).containsExactly(CaseWarning.Kind.DUE_SOON));
            }
            // the alarms live in memory: the new instance rebuilds them from the restored open-cases store
            try (RunningService after = RunningService.restartOf(before, fastWatch)) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(warnings.values())
                    .extracting(CaseWarning::kind).containsExactly(CaseWarning.Kind.DUE_SOON, CaseWarning.Kind.OVERDUE));
                assertThat(warnings.values().get(1).detectedAt()).isAfter(due);
            }
        }
    }

    @Test
    void afterARestartAnOpenAlertIsWrittenAgainToTheAlertsTopicButNotToItsHistory() throws Exception {
        final Path targets = TestDirectories.fresh("targets").resolve("targets.yaml");
        Files.writeString(targets, "defaults: {minVolume: 2, onTimeRate: 0.5}\n");
        final Map<String, Object> properties = Map.of("tthc.targets.file", targets.toString());
        final String month = Period.containing(Instant.now()).get(0).toString();
        final RunningService before = new RunningService(properties);
        try (TopicReader<KpiAlert> latest = new TopicReader<>(before.topic("alerts"), JacksonSerde.json(KpiAlert.class).deserializer());
             TopicReader<KpiAlert> history = new TopicReader<>(before.topic("alert-history"),
                 JacksonSerde.json(KpiAlert.class).deserializer())) {
            try (before) {
                before.send(lines(resolved("A", Instant.now(), true)));
                before.send(lines(resolved("B", Instant.now(), true)));
                await().atMost(Duration.ofSeconds(60)).until(() -> states(latest.values(), month).size() == 1);
            }
            try (RunningService after = RunningService.restartOf(before, properties)) {
                // written again in the transaction that would also hold a history record, were there one
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(states(latest.values(), month))
                    .containsExactly(AlertState.RAISED, AlertState.RAISED));
                // the history reader follows on its own: wait for it, the second RAISED would be in the same transaction
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states(history.values(), month))
                    .containsExactly(AlertState.RAISED));
            }
        }
    }

    private static List<KpiAlert> openAlerts(final RunningService service, final String query) throws Exception {
        final var response = service.get("/api/v1/alerts" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return List.of(ContractJson.mapper().readValue(response.body(), KpiAlert[].class));
    }

    private static List<Event> resolved(final String caseId, final Instant at, final boolean late) {
        final Instant received = at.minusSeconds(120);
        final Instant due = at.minusSeconds(late ? 60 : -60);
        return List.of(
            new CaseReceived(caseId + "-r", received, null, caseId, "U1", "HO_TICH", "1.1", Channel.ONLINE, true, due),
            new CaseResolved(caseId + "-s", at, null, caseId, CaseResult.APPROVED));
    }

    private static List<String> lines(final List<Event> events) {
        return events.stream().map(AlertsIT::json).toList();
    }

    private static List<String> lines(final Event event) {
        return List.of(json(event));
    }

    private static String json(final Event event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<KpiAlert> onTimeAlerts(final List<KpiAlert> alerts, final String period) {
        return alerts.stream()
            .filter(a -> a.kpi().equals("onTimeRate") && a.fieldId().equals("*") && a.period().equals(period))
            .toList();
    }

    private static List<AlertState> states(final List<KpiAlert> alerts, final String period) {
        return onTimeAlerts(alerts, period).stream().map(KpiAlert::state).toList();
    }
}
