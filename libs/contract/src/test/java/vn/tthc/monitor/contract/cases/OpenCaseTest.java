package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.CaseWarning;

/** The due-time watch's rules: each warning once per case and due time, overdue first, none while waiting on the citizen. */
class OpenCaseTest {

    private static final Instant DUE = Instant.parse("2026-11-20T10:00:00Z");
    private static final DueSoonWindow DAY = DueSoonWindow.fixed(Duration.ofHours(24));
    private static final OpenCase OPEN = new OpenCase("C1", "U1", "HO_TICH", "1.1", DUE, false, null, null, null);

    @Test
    void beforeTheWindowNothingIsDueAndTheAlarmIsTheWindowsOpening() {
        assertThat(OPEN.warningsAt(DUE.minus(Duration.ofHours(25)), DAY)).isEmpty();
        assertThat(OPEN.nextAlarm(DAY)).isEqualTo(DUE.minus(Duration.ofHours(24)));
    }

    @Test
    void insideTheWindowTheCaseIsDueSoonOnceThenTheAlarmIsJustAfterTheDueTime() {
        final Instant now = DUE.minus(Duration.ofHours(2));
        assertThat(OPEN.warningsAt(now, DAY)).containsExactly(CaseWarning.Kind.DUE_SOON);
        final OpenCase warned = OPEN.warned(CaseWarning.Kind.DUE_SOON);
        assertThat(warned.warningsAt(now, DAY)).isEmpty();
        assertThat(warned.nextAlarm(DAY)).isEqualTo(DUE.plusMillis(1));
    }

    @Test
    void pastTheDueTimeOnlyOverdueIsGivenAndThenNothingMore() {
        final Instant now = DUE.plusSeconds(1);
        assertThat(OPEN.warningsAt(now, DAY)).containsExactly(CaseWarning.Kind.OVERDUE);
        final OpenCase warned = OPEN.warned(CaseWarning.Kind.OVERDUE);
        assertThat(warned.warningsAt(now.plus(Duration.ofDays(9)), DAY)).isEmpty();
        assertThat(warned.nextAlarm(DAY)).isNull();
    }

    @Test
    void atExactlyTheDueTimeTheCaseIsDueSoonNotOverdue() {
        assertThat(OPEN.isOverdueAt(DUE)).isFalse();
        assertThat(OPEN.warningsAt(DUE, DAY)).containsExactly(CaseWarning.Kind.DUE_SOON);
    }

    @Test
    void aCaseWaitingOnTheCitizenGetsNoWarningAndNoAlarm() {
        final OpenCase waiting = new OpenCase("C1", "U1", "HO_TICH", "1.1", DUE, true, null, null, null);
        assertThat(waiting.warningsAt(DUE.plus(Duration.ofDays(2)), DAY)).isEmpty();
        assertThat(waiting.nextAlarm(DAY)).isNull();
    }

    @Test
    void aNewDueTimeWarnsAgain() {
        final OpenCase warnedForOldDue = OPEN.warned(CaseWarning.Kind.OVERDUE);
        final Instant newDue = DUE.plus(Duration.ofDays(3));
        final OpenCase moved = new OpenCase("C1", "U1", "HO_TICH", "1.1", newDue, false,
            warnedForOldDue.dueSoonWarnedFor(), warnedForOldDue.overdueWarnedFor(), null);
        assertThat(moved.warningsAt(newDue.plusSeconds(1), DAY)).containsExactly(CaseWarning.Kind.OVERDUE);
    }
}
