package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.test.TestRecord;
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
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.kpi.topology.forecast.ForecastSettings;
import vn.tthc.monitor.kpi.topology.forecast.ForecastTopology;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Issue 14 points 4 and 6 through the whole topology: the subtree rows raise and resolve AT_RISK alerts like the own
 * rows. Each unit's projection of its open cases reaches the task of its subtrees' top units by wall clock alone (cases
 * going overdue without an event), and a subtree row whose own units are each too small to be at risk is. The units
 * spread their projections as absolute parts, one record per unit and subtree and pass: a part sent again changes
 * nothing, a stop with changes not yet spread spreads all again, and the parts add up to the units' open cases.
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

    @Test
    void forecastPartsSentAgainChangeNothing() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK, PipelineDriver.DUE_SOON, ORGANISATION,
            ForecastSettings.DEFAULTS);
        final String partsTopic = "pipeline-test-" + ForecastTopology.FORECAST_PARTS_BY_TOP + "-repartition";
        fiftyEarlyInSoAAndTwoOpenInXaB1();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        for (int minute = 0; minute < 12; minute++) {
            pipeline.advanceWallClock(Duration.ofMinutes(1));
        }
        assertThat(row(atRisk(pipeline.alerts()), "*", "2026-11").state()).isEqualTo(AlertState.RAISED);
        final Map<KpiRowKey, Map<String, ForecastProjection>> parts = pipeline.subtreeForecastParts();
        assertThat(parts).isEqualTo(partsOfXaB1(new ForecastProjection(2, 0, 0)));
        final List<TestRecord<byte[], byte[]>> spread = pipeline.records(partsTopic);
        assertThat(spread).as("one record per unit and subtree and pass: the first whole, then the cases going overdue")
            .isNotEmpty();

        pipeline.resend(partsTopic, spread);
        pipeline.resend(partsTopic, spread);
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        pipeline.advanceWallClock(Duration.ofMinutes(1));
        assertThat(pipeline.subtreeForecastParts()).isEqualTo(parts);
        assertThat(atRisk(pipeline.alerts())).as("nothing raised, updated or resolved again").isEmpty();
    }

    @Test
    void theChangesNotYetSpreadWhenATaskStopsAreSpreadWhenItStartsAgainAndAUnitWithoutOpenCasesTakesItsPartsOut() {
        final Path taskState = TestDirectories.fresh("subtree-forecast").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, ORGANISATION,
            VerdictSettings.DEFAULTS, taskState);
        fiftyEarlyInSoAAndTwoOpenInXaB1();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(pipeline.subtreeForecastParts()).isEqualTo(partsOfXaB1(new ForecastProjection(0, 2, 0)));
        // counted in the own task, but it stops before its next pass: memory loses which units changed
        resolveBothAndOpenOneInSoA();

        pipeline = pipeline.restartedAt(WALL_CLOCK.plusSeconds(60));
        assertThat(pipeline.subtreeForecastParts()).as("as spread before the stop")
            .isEqualTo(partsOfXaB1(new ForecastProjection(0, 2, 0)));
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(pipeline.subtreeForecastParts()).as("XA-B1's parts out, SO-A's in").isEqualTo(partsOfSoA());
    }

    @Test
    void afterAStopWithEverythingSpreadAUnitsFirstSpreadIsWholeAndTakesOutWhatItNoLongerHas() {
        final Path taskState = TestDirectories.fresh("subtree-forecast").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, ORGANISATION,
            VerdictSettings.DEFAULTS, taskState);
        fiftyEarlyInSoAAndTwoOpenInXaB1();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        pipeline.advanceWallClock(Duration.ofSeconds(2));

        pipeline = pipeline.restartedAt(WALL_CLOCK.plusSeconds(60));
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(pipeline.subtreeForecastParts()).isEqualTo(partsOfXaB1(new ForecastProjection(0, 2, 0)));
        resolveBothAndOpenOneInSoA();
        pipeline.advanceWallClock(Duration.ofSeconds(2));
        assertThat(pipeline.subtreeForecastParts()).isEqualTo(partsOfSoA());
    }

    @Test
    void eachSubtreeRowsPartsAddUpToTheProjectionOfTheOpenCasesOfItsUnitsCountedByHand() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK, PipelineDriver.DUE_SOON, ORGANISATION,
            ForecastSettings.DEFAULTS);
        final Random random = new Random(5);
        final List<String> units = List.of("TINH", "SO-A", "HUYEN-B", "XA-B1");
        final List<String> fields = List.of("HO_TICH", "DAT_DAI");
        final Map<String, CaseReceived> open = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            final Instant now = pipeline.wallClock();
            if (!open.isEmpty() && random.nextInt(3) == 0) {
                final String caseId = List.copyOf(open.keySet()).get(random.nextInt(open.size()));
                open.remove(caseId);
                pipeline.send(new CaseResolved(caseId + "-s", now, null, caseId, CaseResult.APPROVED));
            } else {
                final CaseReceived received = new CaseReceived("C" + i + "-r", now.minusSeconds(3600), null, "C" + i,
                    units.get(random.nextInt(units.size())), fields.get(random.nextInt(fields.size())), "1.1",
                    Channel.ONLINE, true, now.plus(Duration.ofMinutes(random.nextInt(40) - 10)));
                open.put(received.caseId(), received);
                pipeline.send(received);
            }
            if (i % 20 == 0) {
                pipeline.advanceWallClock(Duration.ofSeconds(30));
            }
        }
        pipeline.advanceWallClock(Duration.ofMinutes(1));
        final Instant now = pipeline.wallClock();

        final Map<KpiRowKey, ForecastProjection> expected = new HashMap<>();
        for (final CaseReceived received : open.values()) {
            final ForecastProjection one = now.isAfter(received.dueAt()) ? new ForecastProjection(1, 0, 0)
                : new ForecastProjection(0, 1, 0);
            for (final String top : ORGANISATION.subtreesCounting(received.unitId())) {
                for (final String period : List.of("2026-11", "2026-Q4", "2026-H2", "2026")) {
                    for (final String field : List.of(received.fieldId(), KpiRowKey.ALL_FIELDS)) {
                        expected.merge(new KpiRowKey(top, field, period), one, ForecastProjection::plus);
                    }
                }
            }
        }
        final Map<KpiRowKey, ForecastProjection> summed = new HashMap<>();
        pipeline.subtreeForecastParts().forEach((row, byUnit) -> summed.put(row,
            byUnit.values().stream().reduce(ForecastProjection.NONE, ForecastProjection::plus)));
        assertThat(expected).isNotEmpty();
        assertThat(summed).isEqualTo(expected);
    }

    /** The parts of XA-B1's rows (its two cases) in the subtrees of HUYEN-B and TINH. */
    private static Map<KpiRowKey, Map<String, ForecastProjection>> partsOfXaB1(final ForecastProjection projection) {
        final Map<KpiRowKey, Map<String, ForecastProjection>> parts = new HashMap<>();
        for (final String top : List.of("HUYEN-B", "TINH")) {
            currentRows(top).forEach(row -> parts.put(row, Map.of("XA-B1", projection)));
        }
        return parts;
    }

    /** The parts of SO-A's rows (one case, not due yet) in TINH's subtree. */
    private static Map<KpiRowKey, Map<String, ForecastProjection>> partsOfSoA() {
        final Map<KpiRowKey, Map<String, ForecastProjection>> parts = new HashMap<>();
        currentRows("TINH").forEach(row -> parts.put(row, Map.of("SO-A", new ForecastProjection(0, 1, 0))));
        return parts;
    }

    private static List<KpiRowKey> currentRows(final String unitId) {
        final List<KpiRowKey> rows = new ArrayList<>();
        for (final String period : List.of("2026-11", "2026-Q4", "2026-H2", "2026")) {
            for (final String field : List.of("HO_TICH", KpiRowKey.ALL_FIELDS)) {
                rows.add(new KpiRowKey(unitId, field, period));
            }
        }
        return rows;
    }

    private void resolveBothAndOpenOneInSoA() {
        final Instant now = pipeline.wallClock();
        pipeline.send(new CaseResolved("O1-s", now, null, "O1", CaseResult.APPROVED));
        pipeline.send(new CaseResolved("O2-s", now, null, "O2", CaseResult.APPROVED));
        pipeline.send(new CaseReceived("O3-r", now.minusSeconds(60), null, "O3", "SO-A", "HO_TICH", "1.1", Channel.ONLINE,
            true, DUE.plus(Duration.ofDays(1))));
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
