package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict.FinalReason;
import vn.tthc.monitor.kpi.topology.verdicts.OpenCount;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictKeys;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Issue 14 point 5 for subtree rows, through the whole topology, over three levels (T above M above G): a subtree
 * (top, period) of an ended period becomes final once every case received in it by any unit of the subtree is closed,
 * from the open counts the units' own trackers report to their top units, or at the cut-off; a unit with a case of the
 * period it has not reported yet keeps it provisional; corrections after it are recorded as for own rows; a new
 * organisation file drops the counts sent over the former one.
 */
class SubtreeVerdictTopologyTest {

    /** Tuesday 10 November 2026, 10:00 in Vietnam: October has ended, its cut-off has not come. */
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-10T03:00:00Z");
    /** Ten working days after Saturday 31 October: final from Saturday 14 November, 00:00 in Vietnam. */
    private static final Instant OCTOBER_CUT_OFF = Instant.parse("2026-11-13T17:00:00Z");
    private static final Duration CHECK = VerdictSettings.DEFAULTS.checkInterval();
    private static final Organisation THREE_LEVELS = OrganisationFile.parse("""
        units:
          - {id: T, name: Tỉnh}
          - {id: M, name: Huyện, parent: T}
          - {id: G, name: Xã, parent: M}
        """);

    private PipelineDriver pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aSubtreeIsFinalOnceTheLastOpenCaseOfAGrandchildClosesAndCorrectionsAfterItAreRecorded() {
        pipeline = open(THREE_LEVELS, TestDirectories.fresh("subtree-verdict").resolve("0_0"));
        topClosedGrandchildOpen();
        for (int check = 0; check < 5; check++) {
            pipeline.advanceWallClock(CHECK);
        }
        assertThat(pipeline.verdicts()).as("the top's own cases are all closed, the grandchild's are not")
            .extracting(PeriodVerdict::unitId, PeriodVerdict::scope, PeriodVerdict::finalReason)
            .containsExactly(tuple("T", Scope.OWN, FinalReason.ALL_CLOSED));
        assertThat(subtreeState("T").hasBecomeFinal()).isFalse();
        assertThat(subtreeState("M").hasBecomeFinal()).isFalse();
        assertThat(pipeline.subtreeOpenCounts().get(countKey("T", "G")))
            .as("the grandchild reported its open case to the top").extracting(OpenCount::received, OpenCount::open)
            .containsExactly(1L, 1L);

        // resolved in November: October's rows do not change, but every case received in October is closed now
        final Instant closedAt = pipeline.wallClock();
        pipeline.send(new CaseResolved("G1-s", closedAt, null, "G1", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        final List<PeriodVerdict> written = pipeline.verdicts();
        assertThat(written).extracting(PeriodVerdict::unitId, PeriodVerdict::scope)
            .containsExactlyInAnyOrder(tuple("G", Scope.OWN), tuple("M", Scope.SUBTREE), tuple("T", Scope.SUBTREE));
        final PeriodVerdict top = subtreeVerdict(written, "T");
        assertThat(top.period()).isEqualTo("2026-10");
        assertThat(top.revision()).isZero();
        assertThat(top.finalReason()).isEqualTo(FinalReason.ALL_CLOSED);
        assertThat(top.finalAt()).isAfter(closedAt).isBefore(OCTOBER_CUT_OFF);
        assertThat(objective(top, Kpi.ONLINE_RATE).volume()).as("both cases received in October").isEqualTo(2);
        assertThat(subtreeState("T").finalReason()).isEqualTo(FinalReason.ALL_CLOSED);
        assertThat(pipeline.subtreeOpenCounts()).as("forgotten once final").isEmpty();

        // a late survey of the grandchild in October changes the final subtree rows of M and T
        final Instant lateAt = pipeline.advanceWallClock(Duration.ofSeconds(10));
        pipeline.send(new SurveySubmitted("S1", Instant.parse("2026-10-25T02:00:00Z"), null, "G", "HO_TICH", null,
            Rating.DISSATISFIED));
        assertThat(subtreeState("T").correctedAfterFinal()).as("the subtree rows follow at the next spread").isZero();
        final Instant spreadAt = pipeline.advanceWallClock(PipelineDriver.EMIT_INTERVAL);
        assertThat(lateAt).isBefore(spreadAt);
        assertThat(pipeline.subtreeRows().get(new KpiRowKey("T", "*", "2026-10")).ratings()).as("counted").isEqualTo(1);
        assertThat(subtreeState("T").correctedAfterFinal()).isEqualTo(1);
        assertThat(subtreeState("T").lastCorrectedAt()).isEqualTo(spreadAt);
        pipeline.advanceWallClock(CHECK);
        final PeriodVerdict correction = subtreeVerdict(pipeline.verdicts(), "T");
        assertThat(correction.revision()).isEqualTo(1);
        assertThat(correction.finalAt()).isEqualTo(top.finalAt());
        assertThat(correction.correctedAfterFinal()).isEqualTo(1);
        assertThat(objective(correction, Kpi.SATISFACTION_RATE).volume()).isEqualTo(1);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).as("one correction").isEmpty();
    }

    @Test
    void aSubtreeWithACaseStillOpenBelowItIsFinalAtTheCutOff() {
        pipeline = open(THREE_LEVELS, TestDirectories.fresh("subtree-verdict").resolve("0_0"));
        topClosedGrandchildOpen();
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClockTo(OCTOBER_CUT_OFF.minus(CHECK));
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::unitId, PeriodVerdict::scope)
            .containsExactly(tuple("T", Scope.OWN));
        pipeline.advanceWallClock(CHECK.multipliedBy(2));
        final List<PeriodVerdict> written = pipeline.verdicts();
        assertThat(written).extracting(PeriodVerdict::unitId, PeriodVerdict::scope, PeriodVerdict::finalReason)
            .containsExactlyInAnyOrder(tuple("G", Scope.OWN, FinalReason.CUT_OFF),
                tuple("M", Scope.SUBTREE, FinalReason.CUT_OFF), tuple("T", Scope.SUBTREE, FinalReason.CUT_OFF));
        assertThat(subtreeVerdict(written, "T").finalAt()).isEqualTo(OCTOBER_CUT_OFF);
        assertThat(subtreeVerdict(written, "T").revision()).isZero();
        assertThat(pipeline.subtreeOpenCounts()).isEmpty();
    }

    @Test
    void aCaseOfTheGrandchildCountedAfterThePeriodKeepsTheSubtreeProvisionalBeforeTheGrandchildReportsIt() {
        pipeline = open(THREE_LEVELS, TestDirectories.fresh("subtree-verdict").resolve("0_0"));
        pipeline.send(received("T1", "T", Instant.parse("2026-10-20T02:00:00Z")));
        pipeline.send(new CaseResolved("T1-s", Instant.parse("2026-10-22T02:00:00Z"), null, "T1", CaseResult.APPROVED));
        pipeline.advanceWallClock(PipelineDriver.EMIT_INTERVAL);
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.subtreeOpenCounts()).as("the top reported, at a check of its own task")
            .containsOnlyKeys(countKey("T", "T"));

        // a case the grandchild received in October comes in late, still open; its task reports it a check later
        // (not in one whose rows changed), and the units' tasks check by their own clocks: the top's task checks first
        pipeline.send(received("G1", "G", Instant.parse("2026-10-21T02:00:00Z")));
        // the case reaches the subtree rows at the next spread (every emit interval), before the next check
        pipeline.advanceWallClock(PipelineDriver.EMIT_INTERVAL);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.subtreeOpenCounts()).as("not reported yet").doesNotContainKey(countKey("T", "G"));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::unitId, PeriodVerdict::scope)
            .as("every count the top holds is 0, but they do not account for the grandchild's case")
            .containsExactly(tuple("T", Scope.OWN));
        assertThat(pipeline.subtreeOpenCounts().get(countKey("T", "G"))).extracting(OpenCount::received, OpenCount::open)
            .containsExactly(1L, 1L);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).isEmpty();
        assertThat(subtreeState("T").hasBecomeFinal()).isFalse();
    }

    @Test
    void aNewOrganisationFileDropsTheCountsSentOverTheFormerOneAndTheUnitsSendThemAgain() {
        final Path taskState = TestDirectories.fresh("subtree-verdict").resolve("0_0");
        pipeline = open(THREE_LEVELS, taskState);
        topClosedGrandchildOpen();
        for (int check = 0; check < 3; check++) {
            pipeline.advanceWallClock(CHECK);
        }
        assertThat(pipeline.subtreeOpenCounts()).containsKeys(countKey("T", "G"), countKey("M", "G"));
        pipeline.close();

        // G moves from under M to under a new unit N, still under T
        final Organisation moved = OrganisationFile.parse("""
            units:
              - {id: T, name: Tỉnh}
              - {id: M, name: Huyện, parent: T}
              - {id: N, name: Huyện mới, parent: T}
              - {id: G, name: Xã, parent: N}
            """);
        pipeline = open(moved, taskState);
        pipeline.advanceWallClock(PipelineDriver.EMIT_INTERVAL);
        for (int check = 0; check < 3; check++) {
            pipeline.advanceWallClock(CHECK);
        }
        assertThat(pipeline.verdicts()).as("G's case is still open").isEmpty();
        assertThat(pipeline.subtreeOpenCounts().keySet()).as("over the new tree only")
            .containsExactlyInAnyOrder(countKey("T", "T"), countKey("T", "G"), countKey("N", "G"));
        assertThat(pipeline.subtreeOpenCounts().values()).extracting(OpenCount::tree).containsOnly(moved.fingerprint());

        pipeline.send(new CaseResolved("G1-s", pipeline.wallClock(), null, "G1", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        final List<PeriodVerdict> written = pipeline.verdicts();
        assertThat(written).extracting(PeriodVerdict::unitId, PeriodVerdict::scope, PeriodVerdict::finalReason)
            .containsExactlyInAnyOrder(tuple("G", Scope.OWN, FinalReason.ALL_CLOSED),
                tuple("N", Scope.SUBTREE, FinalReason.ALL_CLOSED), tuple("T", Scope.SUBTREE, FinalReason.ALL_CLOSED));
        assertThat(objective(subtreeVerdict(written, "T"), Kpi.ONLINE_RATE).volume()).as("rebuilt over the new tree")
            .isEqualTo(2);
        assertThat(objective(subtreeVerdict(written, "N"), Kpi.ONLINE_RATE).volume()).isEqualTo(1);
    }

    /** In October: the top received a case and resolved it, the grandchild received one still open. */
    private void topClosedGrandchildOpen() {
        pipeline.send(received("T1", "T", Instant.parse("2026-10-20T02:00:00Z")));
        pipeline.send(new CaseResolved("T1-s", Instant.parse("2026-10-22T02:00:00Z"), null, "T1", CaseResult.APPROVED));
        pipeline.send(received("G1", "G", Instant.parse("2026-10-21T02:00:00Z")));
        // the own rows are spread to the subtrees at the first emission of a task that starts over a new tree
        pipeline.advanceWallClock(PipelineDriver.EMIT_INTERVAL);
        assertThat(pipeline.subtreeRows().get(new KpiRowKey("T", "*", "2026-10")).received()).isEqualTo(2);
    }

    private PipelineDriver open(final Organisation organisation, final Path taskState) {
        // the first driver of a test starts at WALL_CLOCK, a reopened one goes on from where the closed one stopped
        return PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), pipeline == null ? WALL_CLOCK : pipeline.wallClock(),
            organisation, VerdictSettings.DEFAULTS, taskState);
    }

    private static CaseReceived received(final String caseId, final String unitId, final Instant at) {
        return new CaseReceived(caseId + "-r", at, null, caseId, unitId, "HO_TICH", "1.1", Channel.ONLINE, true,
            at.plus(Duration.ofDays(30)));
    }

    private VerdictState subtreeState(final String top) {
        return pipeline.verdictStates(StoreCatalog.SUBTREE_VERDICTS_STORE).get(VerdictKeys.of(top, "2026-10"));
    }

    private static String countKey(final String top, final String unit) {
        return KpiRowKeyFormat.withPart(VerdictKeys.of(top, "2026-10"), unit);
    }

    private static PeriodVerdict subtreeVerdict(final List<PeriodVerdict> verdicts, final String top) {
        return verdicts.stream().filter(v -> v.scope() == Scope.SUBTREE && v.unitId().equals(top)).findFirst().orElseThrow();
    }

    private static ObjectiveVerdict objective(final PeriodVerdict verdict, final Kpi kpi) {
        return verdict.objectives().stream().filter(o -> o.fieldId().equals("*") && o.kpi() == kpi).findFirst()
            .orElseThrow();
    }
}
