package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.testing.TestDirectories;

/** OVERDUE and DUE_SOON warnings come from the wall clock alone, once per case and due time, across a restart too. */
class OpenCaseWatchTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofHours(30));

    private PipelineDriver pipeline;

    @BeforeEach
    void start() {
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), NOW);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aCaseBecomesDueSoonThenOverdueWithNoNewEvent() {
        pipeline.send(received("C1", DUE));
        pipeline.advanceWallClock(Duration.ofHours(5));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.advanceWallClock(Duration.ofHours(2));
        assertThat(pipeline.caseWarnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(CaseWarning.Kind.DUE_SOON);
            assertThat(warning.caseId()).isEqualTo("C1");
            assertThat(warning.unitId()).isEqualTo("U1");
            assertThat(warning.effectiveDue()).isEqualTo(DUE);
        });
        pipeline.advanceWallClock(Duration.ofHours(24));
        assertThat(pipeline.caseWarnings()).singleElement()
            .satisfies(warning -> assertThat(warning.kind()).isEqualTo(CaseWarning.Kind.OVERDUE));
        pipeline.advanceWallClock(Duration.ofDays(3));
        assertThat(pipeline.caseWarnings()).isEmpty();
    }

    @Test
    void aCaseAlreadyPastItsDueTimeIsOnlyOverdueOnceTheGraceHasPassed() {
        pipeline.send(received("C1", NOW.minus(Duration.ofDays(2))));
        pipeline.advanceWallClock(Duration.ofSeconds(30));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.advanceWallClock(Duration.ofSeconds(35));
        assertThat(pipeline.caseWarnings()).extracting(CaseWarning::kind).containsExactly(CaseWarning.Kind.OVERDUE);
    }

    @Test
    void aReplayedCaseResolvedWithinTheGraceIsNeverWarnedAbout() {
        pipeline.send(received("C1", NOW.minus(Duration.ofDays(2))));
        pipeline.advanceWallClock(Duration.ofSeconds(10));
        pipeline.send(new CaseResolved("s1", NOW.minus(Duration.ofDays(1)), null, "C1", CaseResult.APPROVED));
        pipeline.advanceWallClock(Duration.ofMinutes(5));
        assertThat(pipeline.caseWarnings()).isEmpty();
    }

    @Test
    void aCaseWaitingOnTheCitizenIsNeitherAndWarnsAgainstItsMovedDueTime() {
        pipeline.send(received("C1", DUE));
        pipeline.send(new SupplementRequested("q1", NOW.plusSeconds(60), null, "C1"));
        pipeline.advanceWallClock(Duration.ofDays(3));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.send(new SupplementReceived("q2", NOW.plus(Duration.ofDays(3)), null, "C1", null));
        pipeline.advanceWallClock(Duration.ofSeconds(5));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.advanceWallClock(Duration.ofHours(8));
        assertThat(pipeline.caseWarnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(CaseWarning.Kind.DUE_SOON);
            assertThat(warning.effectiveDue()).isEqualTo(DUE.plus(Duration.ofDays(3)).minusSeconds(60));
        });
    }

    @Test
    void aResolvedCaseIsNeverWarnedAbout() {
        pipeline.send(received("C1", DUE));
        pipeline.send(new CaseResolved("s1", NOW.plusSeconds(600), null, "C1", CaseResult.APPROVED));
        pipeline.advanceWallClock(Duration.ofDays(3));
        assertThat(pipeline.caseWarnings()).isEmpty();
    }

    @Test
    void aRestartedTaskWarnsOfTheCasesItKeptAndNotOfThoseResolvedSince() {
        pipeline.close();
        final Path taskState = TestDirectories.fresh("watch-task").resolve("0_0");
        pipeline = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), NOW, Organisation.of(List.of()),
            VerdictSettings.DEFAULTS, taskState);
        pipeline.send(received("C1", DUE));
        pipeline.send(received("C2", DUE));
        pipeline.advanceWallClock(Duration.ofHours(1));

        pipeline = pipeline.restarted();
        // before the first look at the alarms after the restart
        pipeline.send(new CaseResolved("s2", NOW.plus(Duration.ofHours(1)), null, "C2", CaseResult.APPROVED));
        pipeline.advanceWallClock(Duration.ofHours(6));
        assertThat(pipeline.caseWarnings()).extracting(CaseWarning::caseId, CaseWarning::kind)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", CaseWarning.Kind.DUE_SOON));
    }

    private static CaseReceived received(final String caseId, final Instant due) {
        return new CaseReceived(caseId + "-r", NOW, null, caseId, "U1", "HO_TICH", "1.1", Channel.COUNTER, false, due);
    }
}
