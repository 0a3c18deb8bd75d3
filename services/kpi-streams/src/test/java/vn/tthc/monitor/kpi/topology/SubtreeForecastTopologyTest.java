package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.kpi.topology.forecast.ForecastSettings;

/**
 * Issue 14 points 4 and 6 through the whole topology: the subtree rows raise and resolve AT_RISK alerts like the own
 * rows. Each unit's projection of its open cases reaches the task of its subtrees' top units by wall clock alone (cases
 * going overdue without an event), and a subtree row whose own units are each too small to be at risk is.
 */
class SubtreeForecastTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant DUE = WALL_CLOCK.plus(Duration.ofMinutes(10));
    /** TINH over SO-A and HUYEN-B, HUYEN-B over XA-B1. */
    private static final Organisation ORGANISATION = OrganisationFile.parse("""
        units:
          - {id: TINH, name: Tỉnh}
          - {id: SO-A, name: Sở A, parent: TINH}
          - {id: HUYEN-B, name: Huyện B, parent: TINH}
          - {id: XA-B1, name: Xã B1, parent: HUYEN-B}
        """);

    private PipelineDriver pipeline;

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void casesGoingOverdueUnderOneChildPutTheTopsMetTargetAtRiskNamingTheChildAndWaitingOnTheCitizenResolvesIt() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK, PipelineDriver.DUE_SOON, ORGANISATION,
            ForecastSettings.DEFAULTS);
        fiftyEarlyInSoAAndTwoOpenInXaB1();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(atRisk(pipeline.alerts())).as("the open cases are projected on time: 52/52").isEmpty();

        // no event: the next wall-clock passes find both cases overdue, 50/52 < 0.98 on TINH's subtree rows
        for (int minute = 0; minute < 12; minute++) {
            pipeline.advanceWallClock(Duration.ofMinutes(1));
        }
        final List<KpiAlert> raised = atRisk(pipeline.alerts());
        assertThat(raised).as("XA-B1 (2 projected) and HUYEN-B's subtree (2) stay below minVolume; SO-A has no open case")
            .extracting(KpiAlert::unitId).containsOnly("TINH");
        assertThat(raised).extracting(KpiAlert::scope).containsOnly(Scope.SUBTREE);
        assertThat(raised).extracting(KpiAlert::period).containsOnly("2026-11", "2026-Q4", "2026-H2", "2026");
        final KpiAlert month = row(raised, "*", "2026-11");
        assertThat(month.state()).isEqualTo(AlertState.RAISED);
        assertThat(month.key()).containsExactly("TINH", "*", "2026-11", "onTimeRate", "subtree", "AT_RISK");
        assertThat(month.forecast()).isEqualTo(50.0 / 52);
        assertThat(month.value()).isEqualTo(1.0);
        assertThat(month.volume()).isEqualTo(50);
        assertThat(month.drivingChildren()).containsExactly(new DrivingChild("HUYEN-B", 2));
        assertThat(month.drivingIds()).isEmpty();
        assertThat(month.drivingCases()).isEmpty();

        pipeline.advanceWallClock(Duration.ofMinutes(1));
        assertThat(atRisk(pipeline.alerts())).as("raised once per row and period").isEmpty();

        final Instant request = WALL_CLOCK.plus(Duration.ofMinutes(14));
        pipeline.send(new SupplementRequested("O1-q", request, null, "O1"));
        pipeline.send(new SupplementRequested("O2-q", request, null, "O2"));
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        final KpiAlert resolved = row(atRisk(pipeline.alerts()), "*", "2026-11");
        assertThat(resolved.state()).as("waiting on the citizen, left out: 50/50 again").isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.forecast()).isEqualTo(1.0);
        assertThat(resolved.raisedAt()).isEqualTo(month.raisedAt());
        assertThat(resolved.drivingChildren()).isEmpty();
    }

    @Test
    void theEndOfThePeriodResolvesTheSubtreeAlertAsStale() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK, PipelineDriver.DUE_SOON, ORGANISATION,
            ForecastSettings.DEFAULTS);
        fiftyEarlyInSoAAndTwoOpenInXaB1();
        pipeline.advanceWallClock(Duration.ofMinutes(11));
        pipeline.advanceWallClock(Duration.ofMinutes(1));
        pipeline.advanceWallClock(Duration.ofMinutes(1));
        assertThat(row(atRisk(pipeline.alerts()), "*", "2026-11").state()).isEqualTo(AlertState.RAISED);

        // 1 December 00:00 in Vietnam
        pipeline.advanceWallClock(Duration.between(WALL_CLOCK.plus(Duration.ofMinutes(13)), Instant.parse("2026-11-30T17:00:30Z")));
        final KpiAlert resolved = row(atRisk(pipeline.alerts()), "*", "2026-11");
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.stale()).isTrue();
        assertThat(resolved.forecast()).isNull();
    }

    private void fiftyEarlyInSoAAndTwoOpenInXaB1() {
        final Instant received = Instant.parse("2026-11-16T01:00:00Z");
        for (int i = 0; i < 50; i++) {
            pipeline.send(new CaseReceived("E" + i + "-r", received, null, "E" + i, "SO-A", "HO_TICH", "1.1",
                Channel.ONLINE, true, Instant.parse("2026-11-19T01:00:00Z")));
            pipeline.send(new CaseResolved("E" + i + "-s", Instant.parse("2026-11-17T01:00:00Z"), null, "E" + i,
                CaseResult.APPROVED));
        }
        for (final String caseId : List.of("O1", "O2")) {
            pipeline.send(new CaseReceived(caseId + "-r", WALL_CLOCK.minusSeconds(3600), null, caseId, "XA-B1", "HO_TICH",
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
