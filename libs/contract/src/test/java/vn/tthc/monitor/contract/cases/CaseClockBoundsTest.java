package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.assess;
import static vn.tthc.monitor.contract.testing.TestEvents.received;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementReceived;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementRequested;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * The case clock's one sum, the due time moved by the pauses, cannot overflow for valid events: the pauses
 * lie in the contract's years one after another, so together they last less than the 36,525 days of
 * those years and the effective due time stays before 2200-01-02T00:00Z, where every computation on it still answers.
 */
class CaseClockBoundsTest {

    private static final Instant LAST = EventParser.END.minusNanos(1);
    /** The end of the contract's years moved by all of them. */
    private static final Instant LATEST_DUE_BOUND = EventParser.END.plus(Duration.between(EventParser.EARLIEST, EventParser.END));

    @Test
    void theLongestPauseOfAValidCaseMovesItsDueTimeToTheLastInstantBefore2200January2() {
        final CaseAssessment assessment = assess(received("r1", EventParser.EARLIEST, LAST),
            supplementRequested("q1", EventParser.EARLIEST), supplementReceived("b1", LAST, null));

        assertThat(assessment.effectiveDue()).isEqualTo(Instant.parse("2200-01-01T23:59:59.999999998Z"))
            .isBefore(LATEST_DUE_BOUND);
        assertThat(assessment.statusAt(LAST)).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(KpiContribution.of(assessment)).isNotNull();
        final OpenCase open = OpenCase.of(assessment, null);
        final WorkingCalendar calendar = WorkingCalendar.vietnam();
        assertThat(open.nextAlarm(DueSoonWindow.workingDays(calendar, 1))).isBefore(assessment.effectiveDue());
        // a century of about 250 working days a year (weekdays less holidays)
        assertThat(calendar.workingTimeBetween(LAST, assessment.effectiveDue()))
            .isBetween(Duration.ofDays(24_000), Duration.ofDays(26_100));
    }

    @Property(tries = 1000)
    void anyPausesOfAValidCaseLeaveItsDueTimeBefore2200January2(@ForAll("validInstants") final Instant due,
                                                        @ForAll("pauseTimes") final List<Instant> times) {
        final List<CaseEvent> events = new ArrayList<>(List.of(received("r", EventParser.EARLIEST, due)));
        for (int i = 0; i < times.size(); i++) {
            events.add(i % 2 == 0 ? supplementRequested("q" + i, times.get(i)) : supplementReceived("b" + i, times.get(i), null));
        }

        final CaseAssessment assessment = assess(events.toArray(CaseEvent[]::new));

        assertThat(assessment.effectiveDue()).isBefore(LATEST_DUE_BOUND);
        assertThat(KpiContribution.of(assessment)).isNotNull();
    }

    @Provide
    Arbitrary<Instant> validInstants() {
        return Arbitraries.oneOf(Arbitraries.of(EventParser.EARLIEST, LAST),
            Arbitraries.longs().between(EventParser.EARLIEST.getEpochSecond(), LAST.getEpochSecond()).map(Instant::ofEpochSecond));
    }

    /** The times of alternating supplement requests and supplements, in any order: the clock sorts them. */
    @Provide
    Arbitrary<List<Instant>> pauseTimes() {
        return validInstants().list().ofMinSize(2).ofMaxSize(40);
    }
}
