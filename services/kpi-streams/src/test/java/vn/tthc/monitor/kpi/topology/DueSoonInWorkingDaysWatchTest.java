package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/** With a window of one working day, the watch warns a case due after a weekend or Tết on the last working day before. */
class DueSoonInWorkingDaysWatchTest {

    private static final DueSoonWindow ONE_WORKING_DAY = DueSoonWindow.workingDays(WorkingCalendar.vietnam(), 1);

    private PipelineDriver pipeline;

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aCaseDueMondayMorningIsDueSoonFromFridayMorningNotSunday() {
        final Instant thursday = vietnam("2026-11-19T10:00");
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), thursday, ONE_WORKING_DAY);
        pipeline.send(received("C1", thursday, vietnam("2026-11-23T08:00")));
        pipeline.advanceWallClock(Duration.between(thursday, vietnam("2026-11-20T07:59")));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.advanceWallClock(Duration.ofMinutes(2));
        assertThat(pipeline.caseWarnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(CaseWarning.Kind.DUE_SOON);
            assertThat(warning.effectiveDue()).isEqualTo(vietnam("2026-11-23T08:00"));
        });
    }

    @Test
    void aCaseDueTheMorningAfterTetIsDueSoonBeforeTheNineDaysOff() {
        final Instant beforeTet = vietnam("2026-02-12T09:00");
        pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), beforeTet, ONE_WORKING_DAY);
        pipeline.send(received("C1", beforeTet, vietnam("2026-02-23T08:00")));
        pipeline.advanceWallClock(Duration.between(beforeTet, vietnam("2026-02-13T07:59")));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.advanceWallClock(Duration.ofMinutes(2));
        assertThat(pipeline.caseWarnings()).extracting(CaseWarning::kind).containsExactly(CaseWarning.Kind.DUE_SOON);
        pipeline.advanceWallClock(Duration.ofDays(9));
        assertThat(pipeline.caseWarnings()).isEmpty();
        pipeline.advanceWallClock(Duration.ofDays(1));
        assertThat(pipeline.caseWarnings()).extracting(CaseWarning::kind).containsExactly(CaseWarning.Kind.OVERDUE);
    }

    private static CaseReceived received(final String caseId, final Instant at, final Instant due) {
        return new CaseReceived(caseId + "-r", at, null, caseId, "U1", "HO_TICH", "1.1", Channel.COUNTER, false, due);
    }

    private static Instant vietnam(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }
}
