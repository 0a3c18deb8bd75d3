package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict.FinalReason;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictKeys;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictState;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Issue 14 point 5 through the whole topology: an ended period's rows become final at the cut-off, or earlier when
 * every case received in it is closed; its verdict is written once; events counted after it are recorded and give one
 * correction per check interval; a driver opened again on the state of a closed one repeats nothing. A case counts
 * open under its reception time, as the forecast stage keeps it: when that time or unit changes, it is taken back
 * under the one it was counted under, and a restart counts it again from the forecast stage's store.
 */
class VerdictTopologyTest {

    /** Tuesday 10 November 2026, 10:00 in Vietnam: October has ended, its cut-off has not come. */
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-10T03:00:00Z");
    /** Ten working days after Saturday 31 October: Friday 13 November; final from the 14th, 00:00 in Vietnam. */
    private static final Instant OCTOBER_CUT_OFF = Instant.parse("2026-11-13T17:00:00Z");
    private static final Duration CHECK = VerdictSettings.DEFAULTS.checkInterval();

    private PipelineDriver pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theCutOffIsTenWorkingDaysAfterThePeriod() {
        assertThat(VerdictSettings.DEFAULTS.cutOff(Period.parse("2026-10"))).isEqualTo(OCTOBER_CUT_OFF);
    }

    @Test
    void aPeriodWithACaseStillOpenBecomesFinalAtTheCutOffWithOneVerdictListingEveryObjective() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        octoberWithOneOpenCase();
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).as("a case received in October is open").isEmpty();
        assertThat(ownState("2026-10").hasBecomeFinal()).isFalse();
        assertThat(ownState("2026-Q4").hasBecomeFinal()).as("not ended").isFalse();

        pipeline.advanceWallClockTo(OCTOBER_CUT_OFF.minus(CHECK));
        assertThat(pipeline.verdicts()).isEmpty();
        pipeline.advanceWallClock(CHECK.multipliedBy(2));
        final List<KeyValue<String, PeriodVerdict>> written = pipeline.verdictRecords();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).key).isEqualTo("[\"U1\",\"2026-10\",\"own\"]");
        final PeriodVerdict verdict = written.get(0).value;
        assertThat(verdict.revision()).isZero();
        assertThat(verdict.scope()).isEqualTo(Scope.OWN);
        assertThat(verdict.finalReason()).isEqualTo(FinalReason.CUT_OFF);
        assertThat(verdict.finalAt()).isEqualTo(OCTOBER_CUT_OFF);
        assertThat(verdict.correctedAfterFinal()).isZero();
        assertThat(verdict.lastCorrectedAt()).isNull();
        // two rows (HO_TICH and *), each with its four objectives
        assertThat(verdict.objectives()).hasSize(8);
        assertThat(verdict.objectives()).extracting(ObjectiveVerdict::fieldId).containsOnly("*", "HO_TICH");
        final ObjectiveVerdict onTime = objective(verdict, "*", Kpi.ON_TIME_RATE);
        assertThat(onTime.verdict()).isEqualTo(Verdict.LOW_VOLUME);
        assertThat(onTime.volume()).isEqualTo(1);
        assertThat(onTime.value()).isEqualTo(1.0);
        assertThat(onTime.target()).isEqualTo(0.98);
        assertThat(objective(verdict, "*", Kpi.SATISFACTION_RATE).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(ownState("2026-10").finalAt()).isEqualTo(OCTOBER_CUT_OFF);

        pipeline.advanceWallClock(CHECK.multipliedBy(3));
        assertThat(pipeline.verdicts()).as("one verdict").isEmpty();
    }

    @Test
    void aPeriodWhoseCasesAllClosedIsFinalBeforeTheCutOffWhateverIsOpenOfLaterPeriods() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        octoberWithOneOpenCase();
        pipeline.send(received("N", Instant.parse("2026-11-05T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).isEmpty();

        // closed in November: October's rows do not change, but every case received in October is closed now
        pipeline.send(new CaseResolved("A-s", pipeline.wallClock(), null, "A", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        final List<PeriodVerdict> written = pipeline.verdicts();
        assertThat(written).extracting(PeriodVerdict::period).containsExactly("2026-10");
        assertThat(written.get(0).finalReason()).isEqualTo(FinalReason.ALL_CLOSED);
        assertThat(written.get(0).finalAt()).isEqualTo(pipeline.wallClock()).isBefore(OCTOBER_CUT_OFF);
        assertThat(objective(written.get(0), "*", Kpi.ON_TIME_RATE).volume()).as("the resolution counts in November")
            .isEqualTo(1);
        assertThat(ownState("2026-11").hasBecomeFinal()).isFalse();

        pipeline.advanceWallClockTo(OCTOBER_CUT_OFF.plus(CHECK));
        assertThat(pipeline.verdicts()).as("final once").isEmpty();
    }

    @Test
    void eventsCountedAfterTheVerdictAreRecordedAndGiveOneCorrectionPerCheck() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        octoberWithOneOpenCase();
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClockTo(OCTOBER_CUT_OFF.plus(CHECK));
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::revision).containsExactly(0);

        // two late surveys within one interval, each changing two final rows (HO_TICH and *)
        pipeline.advanceWallClock(Duration.ofSeconds(10));
        pipeline.send(survey("S1", Rating.SATISFIED));
        final Instant secondAt = pipeline.advanceWallClock(Duration.ofSeconds(10));
        pipeline.send(survey("S2", Rating.DISSATISFIED));
        assertThat(pipeline.report().kpis()).as("counted as the contract says")
            .anyMatch(row -> row.key().equals(new KpiRowKey("U1", "*", "2026-10")) && row.scope() == Scope.OWN
                && row.counters().ratings() == 2 && row.counters().satisfied() == 1);
        assertThat(ownState("2026-10").correctedAfterFinal()).isEqualTo(2);
        assertThat(ownState("2026-10").lastCorrectedAt()).isEqualTo(secondAt);
        pipeline.advanceWallClock(CHECK);
        final List<PeriodVerdict> corrections = pipeline.verdicts();
        assertThat(corrections).hasSize(1);
        final PeriodVerdict correction = corrections.get(0);
        assertThat(correction.revision()).isEqualTo(1);
        assertThat(correction.isCorrection()).isTrue();
        assertThat(correction.finalAt()).isEqualTo(OCTOBER_CUT_OFF);
        assertThat(correction.correctedAfterFinal()).isEqualTo(2);
        assertThat(correction.lastCorrectedAt()).isEqualTo(secondAt);
        assertThat(objective(correction, "*", Kpi.SATISFACTION_RATE).volume()).isEqualTo(2);
        assertThat(objective(correction, "*", Kpi.SATISFACTION_RATE).value()).isEqualTo(0.5);

        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).as("nothing changed since").isEmpty();
        pipeline.send(survey("S3", Rating.VERY_SATISFIED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::revision, PeriodVerdict::correctedAfterFinal)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 3L));
    }

    @Test
    void eventsOfAPastPeriodSentOverSeveralChecksGiveOneVerdictOnceTheyStop() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), OCTOBER_CUT_OFF.plus(Duration.ofDays(1)));
        pipeline.send(received("A", Instant.parse("2026-10-20T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        pipeline.send(received("B", Instant.parse("2026-10-21T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).as("its rows changed since the last check").isEmpty();
        pipeline.advanceWallClock(CHECK);
        final List<PeriodVerdict> written = pipeline.verdicts();
        assertThat(written).extracting(PeriodVerdict::period, PeriodVerdict::revision)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10", 0));
        assertThat(objective(written.get(0), "*", Kpi.ONLINE_RATE).volume()).isEqualTo(2);
        assertThat(written.get(0).correctedAfterFinal()).isZero();
    }

    @Test
    void aDriverOpenedAgainOnTheStateOfAClosedOneNeitherRepeatsTheVerdictNorARevision() {
        final Path taskState = TestDirectories.fresh("verdict-task").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, Organisation.of(List.of()),
            VerdictSettings.DEFAULTS, taskState);
        octoberWithOneOpenCase();
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClockTo(OCTOBER_CUT_OFF.plus(CHECK));
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::revision).containsExactly(0);
        pipeline.send(survey("S1", Rating.SATISFIED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::revision).containsExactly(1);

        pipeline = pipeline.restartedAt(OCTOBER_CUT_OFF.plus(Duration.ofHours(1)));
        assertThat(pipeline.rows()).as("the state of the closed driver").isNotEmpty();
        for (int check = 0; check < 3; check++) {
            pipeline.advanceWallClock(CHECK);
        }
        assertThat(pipeline.verdicts()).as("no second verdict, no repeated correction").isEmpty();
        pipeline.send(survey("S2", Rating.SATISFIED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::revision, PeriodVerdict::correctedAfterFinal)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2L));
    }

    @Test
    void aCaseWhoseReceptionTimeChangesWhileOpenKeepsItsPeriodProvisionalUntilItCloses() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        pipeline.send(received("A", Instant.parse("2026-10-20T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        // an earlier reception of the same case: it counts from now on, still in October
        pipeline.send(received("A", "A-r0", "U1", Instant.parse("2026-10-05T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).as("a case received in October is open").isEmpty();

        pipeline.send(new CaseResolved("A-s", pipeline.wallClock(), null, "A", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::period, PeriodVerdict::finalReason)
            .as("taken back under the reception time it was counted under")
            .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10", FinalReason.ALL_CLOSED));
    }

    @Test
    void aCaseWhoseReceptionMovesToAnotherUnitLeavesTheFirstUnitsPeriodFreeToBeFinal() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), WALL_CLOCK);
        pipeline.send(received("A", Instant.parse("2026-10-20T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).isEmpty();

        pipeline.send(received("A", "A-r0", "U2", Instant.parse("2026-10-05T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::unitId, PeriodVerdict::finalReason)
            .as("U1 received no case in October any more; U2's is open")
            .containsExactly(org.assertj.core.groups.Tuple.tuple("U1", FinalReason.ALL_CLOSED));

        pipeline.send(new CaseResolved("A-s", pipeline.wallClock(), null, "A", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::unitId, PeriodVerdict::period, PeriodVerdict::finalReason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("U2", "2026-10", FinalReason.ALL_CLOSED));
    }

    @Test
    void theOpenCasesCountedByReceptionTimeSurviveARestart() {
        final Path taskState = TestDirectories.fresh("verdict-task").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, Organisation.of(List.of()),
            VerdictSettings.DEFAULTS, taskState);
        octoberWithOneOpenCase();
        pipeline.send(received("A", "A-r0", "U1", Instant.parse("2026-10-05T02:00:00Z")));
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).isEmpty();

        // on from where the closed driver's wall clock stopped
        pipeline = pipeline.restarted();
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).as("A, received in October, is still open").isEmpty();
        assertThat(ownState("2026-10").hasBecomeFinal()).isFalse();

        pipeline.send(new CaseResolved("A-s", pipeline.wallClock(), null, "A", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::period, PeriodVerdict::finalReason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10", FinalReason.ALL_CLOSED));
    }

    @Test
    void aCaseClosedAfterARestartBeforeAnyCheckIsNotCountedOpen() {
        final Path taskState = TestDirectories.fresh("verdict-task").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, Organisation.of(List.of()),
            VerdictSettings.DEFAULTS, taskState);
        octoberWithOneOpenCase();
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).isEmpty();

        // the unit's open cases are read from the forecast stage's store at the first check, after this closing
        pipeline = pipeline.restarted();
        pipeline.send(new CaseResolved("A-s", pipeline.wallClock(), null, "A", CaseResult.APPROVED));
        pipeline.advanceWallClock(CHECK);
        assertThat(pipeline.verdicts()).extracting(PeriodVerdict::period, PeriodVerdict::finalReason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10", FinalReason.ALL_CLOSED));
    }

    @Test
    void subtreeRowsGetTheirOwnVerdictAtTheCutOff() {
        final Organisation organisation = OrganisationFile.parse("""
            units:
              - {id: P, name: Cha}
              - {id: C, name: Con, parent: P}
            """);
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), WALL_CLOCK, organisation,
            VerdictSettings.DEFAULTS, TestDirectories.fresh("verdict-task").resolve("0_0"));
        pipeline.send(new CaseReceived("C1-r", Instant.parse("2026-10-20T02:00:00Z"), null, "C1", "C", "HO_TICH", "1.1",
            Channel.ONLINE, true, Instant.parse("2026-11-20T02:00:00Z")));
        // the own rows' changes are spread to the subtrees at the rows' next emission
        pipeline.advanceWallClock(PipelineDriver.EMIT_INTERVAL);
        assertThat(pipeline.subtreeRows()).containsKey(new KpiRowKey("P", "*", "2026-10"));
        pipeline.advanceWallClock(CHECK);
        pipeline.advanceWallClockTo(OCTOBER_CUT_OFF.plus(CHECK));
        final List<PeriodVerdict> written = pipeline.verdicts();
        assertThat(written).extracting(PeriodVerdict::unitId, PeriodVerdict::scope, PeriodVerdict::period)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("C", Scope.OWN, "2026-10"),
                org.assertj.core.groups.Tuple.tuple("P", Scope.SUBTREE, "2026-10"));
        final PeriodVerdict subtree = written.stream().filter(v -> v.scope() == Scope.SUBTREE).findFirst().orElseThrow();
        assertThat(objective(subtree, "*", Kpi.ONLINE_RATE).volume()).isEqualTo(1);
        assertThat(pipeline.verdictStates(StoreCatalog.SUBTREE_VERDICTS_STORE).get(VerdictKeys.of("P", "2026-10"))
            .finalReason()).isEqualTo(FinalReason.CUT_OFF);
    }

    /** A case received in October still open, and one received and resolved in October. */
    private void octoberWithOneOpenCase() {
        pipeline.send(received("A", Instant.parse("2026-10-20T02:00:00Z")));
        pipeline.send(received("B", Instant.parse("2026-10-21T02:00:00Z")));
        pipeline.send(new CaseResolved("B-s", Instant.parse("2026-10-22T02:00:00Z"), null, "B", CaseResult.APPROVED));
    }

    private static CaseReceived received(final String caseId, final Instant at) {
        return received(caseId, caseId + "-r", "U1", at);
    }

    private static CaseReceived received(final String caseId, final String eventId, final String unitId, final Instant at) {
        return new CaseReceived(eventId, at, null, caseId, unitId, "HO_TICH", "1.1", Channel.ONLINE, true,
            at.plus(Duration.ofDays(30)));
    }

    private static SurveySubmitted survey(final String id, final Rating rating) {
        return new SurveySubmitted(id, Instant.parse("2026-10-25T02:00:00Z"), null, "U1", "HO_TICH", null, rating);
    }

    private VerdictState ownState(final String period) {
        return pipeline.verdictStates(StoreCatalog.VERDICTS_STORE).get(VerdictKeys.of("U1", period));
    }

    private static ObjectiveVerdict objective(final PeriodVerdict verdict, final String fieldId, final Kpi kpi) {
        return verdict.objectives().stream().filter(o -> o.fieldId().equals(fieldId) && o.kpi() == kpi).findFirst()
            .orElseThrow();
    }
}
