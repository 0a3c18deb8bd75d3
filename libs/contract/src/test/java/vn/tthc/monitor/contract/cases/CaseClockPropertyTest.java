package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * Properties of the case clock over generated cases (EVENTS.md section 2): for any set of valid events of
 * one case with times anywhere in the contract's years (2000 to 2099), in any arrival order, assessing the
 * case, its KPI contribution and its open state never throws, and the outcome does not depend on the order.
 */
class CaseClockPropertyTest {

    private static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long END = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    private static final String CASE = "C1";

    @Property(tries = 1500)
    void anySetOfValidEventsOfACaseIsAssessedTheSameInAnyOrder(@ForAll("caseEvents") final List<CaseEvent> events,
                                                              @ForAll final long shuffleSeed,
                                                              @ForAll("instants") final Instant now) {
        final List<CaseEvent> arrival = new ArrayList<>(events);
        Collections.shuffle(arrival, new Random(shuffleSeed));

        final CaseAssessment inOrder = assessEachStep(events, now);
        final CaseAssessment shuffled = assessEachStep(arrival, now);

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(KpiContribution.of(shuffled)).isEqualTo(KpiContribution.of(inOrder));
    }

    /** Adds the events one by one, assessing the case (and what the pipeline derives from it) after each. */
    private static CaseAssessment assessEachStep(final List<CaseEvent> events, final Instant now) {
        CaseHistory history = CaseHistory.empty(CASE);
        CaseAssessment assessment = CaseClock.assess(history);
        OpenCase open = null;
        for (final CaseEvent event : events) {
            history = history.with(event);
            assessment = CaseClock.assess(history);
            KpiContribution.of(assessment);
            assessment.statusAt(now);
            assessment.isOverdueAt(now);
            open = OpenCase.of(assessment, open);
            if (open != null) {
                open.isOverdueAt(now);
                open.isDueSoonAt(now, DueSoonWindow.fixed(Duration.ofDays(1)));
            }
        }
        return assessment;
    }

    @Provide
    Arbitrary<Instant> instants() {
        final Arbitrary<Long> seconds = Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(EARLIEST, END - 1)),
            Tuple.of(4, Arbitraries.longs().between(EARLIEST, END - 1)),
            Tuple.of(2, Arbitraries.longs().between(Instant.parse("2026-03-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2026-04-01T00:00:00Z").getEpochSecond())));
        return Combinators.combine(seconds, Arbitraries.of(0, 1, 999_999_999))
            .as((s, n) -> Instant.ofEpochSecond(s, s == END - 1 ? n : 0));
    }

    /** 1 to 12 distinct events of one case, duplicates of a time or a type included. */
    @Provide
    Arbitrary<List<CaseEvent>> caseEvents() {
        final Arbitrary<CaseEvent> event = Combinators.combine(Arbitraries.integers().between(0, 7), instants(), instants(),
            Arbitraries.of(true, false)).as(CaseClockPropertyTest::event);
        return event.list().ofMinSize(1).ofMaxSize(12).map(CaseClockPropertyTest::withDistinctIds);
    }

    private static CaseEvent event(final int kind, final Instant at, final Instant due, final boolean flag) {
        return switch (kind) {
            case 0, 1 -> new CaseReceived("id", at, null, CASE, "U1", "F1", "P1", flag ? Channel.ONLINE : Channel.COUNTER,
                flag, due);
            case 2 -> new SupplementRequested("id", at, null, CASE);
            case 3 -> new SupplementReceived("id", at, null, CASE, flag ? due : null);
            case 4 -> new CaseExtended("id", at, null, CASE, due);
            case 5 -> new CaseResolved("id", at, null, CASE, flag ? CaseResult.APPROVED : CaseResult.DENIED);
            case 6 -> new CaseWithdrawn("id", at, null, CASE);
            default -> new CaseReturned("id", at, null, CASE);
        };
    }

    /** The events with ids e0, e1, …: a set of distinct events, as a case history holds. */
    private static List<CaseEvent> withDistinctIds(final List<CaseEvent> events) {
        final List<CaseEvent> distinct = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            distinct.add(renamed(events.get(i), "e" + i));
        }
        return distinct;
    }

    private static CaseEvent renamed(final CaseEvent e, final String id) {
        if (e instanceof CaseReceived r) {
            return new CaseReceived(id, r.occurredAt(), null, CASE, r.unitId(), r.fieldId(), r.procedureId(), r.channel(),
                r.onlineEligible(), r.dueAt());
        }
        if (e instanceof SupplementReceived r) {
            return new SupplementReceived(id, r.occurredAt(), null, CASE, r.dueAt());
        }
        if (e instanceof CaseExtended r) {
            return new CaseExtended(id, r.occurredAt(), null, CASE, r.dueAt());
        }
        if (e instanceof CaseResolved r) {
            return new CaseResolved(id, r.occurredAt(), null, CASE, r.result());
        }
        if (e instanceof SupplementRequested) {
            return new SupplementRequested(id, e.occurredAt(), null, CASE);
        }
        if (e instanceof CaseWithdrawn) {
            return new CaseWithdrawn(id, e.occurredAt(), null, CASE);
        }
        return new CaseReturned(id, e.occurredAt(), null, CASE);
    }
}
