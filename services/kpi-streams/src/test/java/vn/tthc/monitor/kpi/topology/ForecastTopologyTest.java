package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.forecast.ForecastSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Issue 14 point 4 through the whole topology: open cases reach the forecast stage by unit, the wall clock alone
 * makes them overdue and raises the AT_RISK alert with its driving cases, a case left waiting on the citizen
 * resolves it, the period's end resolves it, and the switch keeps it off; a restart reads the open cases back.
 */
class ForecastTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant DUE = WALL_CLOCK.plus(Duration.ofMinutes(10));

    private PipelineDriver pipeline;

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void twoCasesGoingOverdueWithoutAnEventPutAMetTargetAtRiskAndWaitingOnTheCitizenResolvesIt() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        fiftyEarlyAndTwoOpen();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(atRisk(pipeline.alerts())).as("the open cases are projected on time: 52/52").isEmpty();

        // no event: the next wall-clock passes find both cases overdue, 50/52 < 0.98 while 50/50 meets it
        for (int minute = 0; minute < 12; minute++) {
            pipeline.advanceWallClock(Duration.ofMinutes(1));
        }
        final List<KpiAlert> raised = atRisk(pipeline.alerts());
        final KpiAlert month = row(raised, "*", "2026-11");
        assertThat(month.state()).isEqualTo(AlertState.RAISED);
        assertThat(month.kind()).isEqualTo(AlertKind.AT_RISK);
        assertThat(month.key()).containsExactly("U1", "*", "2026-11", "onTimeRate", "AT_RISK");
        assertThat(month.forecast()).isEqualTo(50.0 / 52);
        assertThat(month.value()).isEqualTo(1.0);
        assertThat(month.drivingIds()).containsExactly("O1", "O2");
        assertThat(month.drivingCases()).extracting(DrivingCase::effectiveDue).containsOnly(DUE);
        assertThat(month.drivingCases()).extracting(DrivingCase::unitId).containsOnly("U1");
        assertThat(raised).extracting(KpiAlert::period).containsOnly("2026-11", "2026-Q4", "2026-H2", "2026");
        assertThat(raised).extracting(KpiAlert::fieldId).containsOnly("*", "HO_TICH");

        pipeline.advanceWallClock(Duration.ofMinutes(1));
        assertThat(atRisk(pipeline.alerts())).as("raised once per row and period").isEmpty();

        final Instant request = WALL_CLOCK.plus(Duration.ofMinutes(14));
        pipeline.send(new SupplementRequested("O1-q", request, null, "O1"));
        pipeline.send(new SupplementRequested("O2-q", request, null, "O2"));
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        final KpiAlert resolved = row(atRisk(pipeline.alerts()), "*", "2026-11");
        assertThat(resolved.state()).as("waiting on the citizen, left out: 50/50 again").isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.forecast()).isEqualTo(1.0);
        assertThat(resolved.raisedAt()).isEqualTo(month.raisedAt());
    }

    @Test
    void theEndOfThePeriodResolvesItsAlertAsStale() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        fiftyEarlyAndTwoOpen();
        pipeline.advanceWallClock(Duration.ofMinutes(11));
        pipeline.advanceWallClock(Duration.ofMinutes(1));
        assertThat(row(atRisk(pipeline.alerts()), "*", "2026-11").state()).isEqualTo(AlertState.RAISED);

        // 1 December 00:00 in Vietnam
        pipeline.advanceWallClock(Duration.between(WALL_CLOCK.plus(Duration.ofMinutes(12)), Instant.parse("2026-11-30T17:00:30Z")));
        final KpiAlert resolved = row(atRisk(pipeline.alerts()), "*", "2026-11");
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.stale()).isTrue();
        assertThat(resolved.forecast()).isNull();
    }

    @Test
    void withForecastAlertsSwitchedOffNoneIsRaised() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK,
            new ForecastSettings(false, Duration.ofSeconds(1), Duration.ofMinutes(1), 20));
        fiftyEarlyAndTwoOpen();
        for (int minute = 0; minute < 12; minute++) {
            pipeline.advanceWallClock(Duration.ofMinutes(1));
        }
        assertThat(atRisk(pipeline.alerts())).isEmpty();
    }

    @Test
    void aRestartedTaskReadsTheOpenCasesBackAndCountsThoseThatComeAfter() {
        final Path taskState = TestDirectories.fresh("forecast-task").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, Organisation.of(List.of()),
            VerdictSettings.DEFAULTS, taskState);
        fiftyEarlyAndTwoOpen();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(atRisk(pipeline.alerts())).isEmpty();

        pipeline = pipeline.restarted();
        // before the unit's cases are read back: the new case joins them
        pipeline.send(new CaseReceived("O3-r", WALL_CLOCK, null, "O3", "U1", "HO_TICH", "1.1", Channel.ONLINE, true, DUE));
        for (int minute = 0; minute < 12; minute++) {
            pipeline.advanceWallClock(Duration.ofMinutes(1));
        }
        final KpiAlert month = row(atRisk(pipeline.alerts()), "*", "2026-11");
        assertThat(month.state()).isEqualTo(AlertState.RAISED);
        assertThat(month.forecast()).as("the two cases kept before the restart and the one after, all overdue")
            .isEqualTo(50.0 / 53);
        assertThat(month.drivingIds()).containsExactlyInAnyOrder("O1", "O2", "O3");
    }

    @Test
    void aRestartedTaskReadsItsUnitsBackAtTheFirstCheckAndSaysHowManyAreLeft() {
        final Path taskState = TestDirectories.fresh("forecast-reading").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, Organisation.of(List.of()),
            VerdictSettings.DEFAULTS, taskState);
        fiftyEarlyAndTwoOpen();
        pipeline.send(new CaseReceived("V1-r", WALL_CLOCK.minusSeconds(3600), null, "V1", "U2", "HO_TICH", "1.1",
            Channel.ONLINE, true, DUE));
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(pipeline.forecastUnitsUnread()).as("a running task holds every unit it has").isZero();

        pipeline = pipeline.restarted();
        assertThat(pipeline.forecastUnitsUnread()).as("U1 and U2 have open cases in the store, none read yet").isEqualTo(2);
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(pipeline.forecastUnitsUnread()).as("the first check reads them (three cases, under its 10,000)").isZero();
    }

    private void fiftyEarlyAndTwoOpen() {
        final Instant received = Instant.parse("2026-11-16T01:00:00Z");
        for (int i = 0; i < 50; i++) {
            pipeline.send(new CaseReceived("E" + i + "-r", received, null, "E" + i, "U1", "HO_TICH", "1.1", Channel.ONLINE,
                true, Instant.parse("2026-11-19T01:00:00Z")));
            pipeline.send(new CaseResolved("E" + i + "-s", Instant.parse("2026-11-17T01:00:00Z"), null, "E" + i,
                CaseResult.APPROVED));
        }
        for (final String caseId : List.of("O1", "O2")) {
            pipeline.send(new CaseReceived(caseId + "-r", WALL_CLOCK.minusSeconds(3600), null, caseId, "U1", "HO_TICH",
                "1.1", Channel.ONLINE, true, DUE));
        }
    }

    private static List<KpiAlert> atRisk(final List<KpiAlert> alerts) {
        return alerts.stream().filter(alert -> alert.kind() == AlertKind.AT_RISK).toList();
    }

    private static KpiAlert row(final List<KpiAlert> alerts, final String fieldId, final String period) {
        final List<KpiAlert> matching = alerts.stream()
            .filter(alert -> alert.fieldId().equals(fieldId) && alert.period().equals(period)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
