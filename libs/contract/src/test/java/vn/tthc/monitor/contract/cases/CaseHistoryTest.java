package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tthc.monitor.contract.testing.TestEvents.extended;
import static vn.tthc.monitor.contract.testing.TestEvents.history;
import static vn.tthc.monitor.contract.testing.TestEvents.received;
import static vn.tthc.monitor.contract.testing.TestEvents.resolved;
import static vn.tthc.monitor.contract.testing.TestEvents.returned;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementReceived;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementRequested;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;
import static vn.tthc.monitor.contract.testing.TestEvents.withdrawn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.HistoryFullException;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.EventType;

/** EVENTS.md section 2: a case is its set of distinct events, taken in one order whatever the arrival order. */
class CaseHistoryTest {

    private static final Instant DUE = vn("2026-03-10T17:00");

    @Test
    void eventsAreTakenInOccurredAtOrderWhateverTheirArrivalOrder() {
        final CaseEvent reception = received("r1", vn("2026-03-02T08:00"), DUE);
        final CaseEvent request = supplementRequested("q1", vn("2026-03-03T08:00"));
        final CaseEvent resolution = resolved("s1", vn("2026-03-04T08:00"));

        assertThat(history(resolution, reception, request).events()).containsExactly(reception, request, resolution);
    }

    @Test
    void atEqualOccurredAtTheTypeOrderIsReceptionRequestSupplementExtensionResolutionWithdrawalReturn() {
        final Instant same = vn("2026-03-04T08:00");

        final CaseHistory history = history(returned("a7", same), withdrawn("a6", same), resolved("a5", same),
            extended("a4", same, DUE), supplementReceived("a3", same, null), supplementRequested("a2", same),
            received("a1", same, DUE));

        assertThat(history.events()).extracting(CaseEvent::type).containsExactly(EventType.CASE_RECEIVED,
            EventType.CASE_SUPPLEMENT_REQUESTED, EventType.CASE_SUPPLEMENT_RECEIVED, EventType.CASE_EXTENDED,
            EventType.CASE_RESOLVED, EventType.CASE_WITHDRAWN, EventType.CASE_RETURNED);
    }

    @Test
    void atEqualOccurredAtTheTypeOrderComesBeforeTheEventId() {
        final Instant same = vn("2026-03-04T08:00");

        final CaseHistory history = history(received("z", same, DUE), resolved("a", same));

        assertThat(history.events()).extracting(CaseEvent::eventId).containsExactly("z", "a");
    }

    @Test
    void atEqualOccurredAtAndTypeTheEventIdDecides() {
        final Instant same = vn("2026-03-04T08:00");

        final CaseHistory history = history(resolved("s-b", same), resolved("s-c", same), resolved("s-a", same));

        assertThat(history.events()).extracting(CaseEvent::eventId).containsExactly("s-a", "s-b", "s-c");
    }

    @Test
    void aRepeatedEventIdIsADuplicateAndTheFirstDeliveredIsKeptWhateverItsContent() {
        final CaseResolved first = resolved("s1", vn("2026-03-04T08:00"));
        final CaseResolved sameIdOtherContent = new CaseResolved("s1", vn("2026-03-01T08:00"), "other", "C1",
            CaseResult.DENIED);

        final CaseHistory history = history(first, sameIdOtherContent);

        assertThat(history.events()).containsExactly(first);
        assertThat(history.contains("s1")).isTrue();
    }

    @Test
    void aDuplicateDeliveryLeavesTheHistoryUnchanged() {
        final CaseHistory history = history(received("r1", vn("2026-03-02T08:00"), DUE));

        assertThat(history.with(received("r1", vn("2026-03-02T08:00"), DUE))).isSameAs(history);
    }

    @Test
    void theOutcomeOfACaseIsTheSameForEveryArrivalOrder() {
        final List<CaseEvent> events = List.of(
            received("r1", vn("2026-03-02T08:00"), DUE),
            supplementRequested("q1", vn("2026-03-04T08:00")),
            supplementReceived("p1", vn("2026-03-06T08:00"), null),
            extended("x1", vn("2026-03-11T08:00"), vn("2026-03-20T17:00")),
            resolved("s2", vn("2026-03-13T08:00")),
            resolved("s1", vn("2026-03-12T18:00")));
        final Set<CaseAssessment> outcomes = new HashSet<>();

        for (final List<CaseEvent> arrival : permutations(events)) {
            outcomes.add(CaseClock.assess(history(arrival.toArray(CaseEvent[]::new))));
        }

        assertThat(outcomes).hasSize(1);
        final Closing.Resolution resolution = (Closing.Resolution) outcomes.iterator().next().closing();
        assertThat(resolution.at()).isEqualTo(vn("2026-03-12T18:00"));
        assertThat(resolution.classification()).isEqualTo(Classification.LATE);
        assertThat(resolution.extended()).isTrue();
    }

    @Test
    void duplicatesDoNotChangeTheOutcome() {
        final CaseEvent reception = received("r1", vn("2026-03-02T08:00"), DUE);
        final CaseEvent resolution = resolved("s1", vn("2026-03-04T08:00"));

        assertThat(CaseClock.assess(history(resolution, reception, resolution, reception)))
            .isEqualTo(CaseClock.assess(history(reception, resolution)));
    }

    private static List<List<CaseEvent>> permutations(final List<CaseEvent> events) {
        if (events.isEmpty()) {
            return List.of(List.of());
        }
        final List<List<CaseEvent>> result = new ArrayList<>();
        for (final CaseEvent head : events) {
            final List<CaseEvent> rest = new ArrayList<>(events);
            rest.remove(head);
            for (final List<CaseEvent> tail : permutations(rest)) {
                final List<CaseEvent> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }

    @Test
    void withoutAnEventTheHistoryIsAsIfItHadNeverArrived() {
        final CaseEvent reception = received("r1", vn("2026-03-02T08:00"), DUE);
        final CaseEvent resolution = resolved("s1", vn("2026-03-04T08:00"));
        final CaseEvent request = supplementRequested("q1", vn("2026-03-03T08:00"));

        final CaseHistory history = history(reception, request, resolution).without(request);

        assertThat(history).isEqualTo(history(reception, resolution));
        assertThat(history.without(request)).isSameAs(history);
    }

    @Test
    void aFullHistoryRefusesAFurtherDistinctEventAndStillKnowsItsOwn() {
        CaseHistory history = CaseHistory.empty("C");
        for (int i = 0; i < CaseHistory.MAX_EVENTS; i++) {
            history = history.with(supplementRequested("e" + i, vn("2026-03-02T08:00").plusSeconds(i)));
        }
        final CaseHistory full = history;

        assertThatThrownBy(() -> full.with(resolved("late", vn("2026-03-01T08:00"))))
            .isInstanceOf(HistoryFullException.class)
            .hasMessage("case C holds 64 distinct events, the most a history may hold: event late is not counted");
        assertThat(full.with(supplementRequested("e0", vn("2026-03-02T08:00")))).isSameAs(full);
        assertThat(full.without(supplementRequested("e0", vn("2026-03-02T08:00"))).with(resolved("late", vn("2026-03-01T08:00"))).events())
            .as("room again once an event is taken out").hasSize(CaseHistory.MAX_EVENTS);
    }
}
