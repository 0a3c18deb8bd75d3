package vn.tthc.monitor.contract.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.tthc.monitor.contract.alert.KpiAlertLifecycle.Observation;
import vn.tthc.monitor.contract.alert.KpiAlertLifecycle.OnChange;

/**
 * For any run of observations of one KPI, the records {@link KpiAlertLifecycle#next} writes (keeping the
 * last as the previous alert) form a lifecycle: RAISED, then UPDATED while in breach, then RESOLVED, then
 * a new RAISED; and {@link KpiAlertLifecycle#onChange} says "at once" exactly for RAISED and RESOLVED.
 */
class KpiAlertLifecyclePropertyTest {

    @Property(tries = 500)
    void anyRunOfObservationsGivesAWellFormedLifecycle(@ForAll("runs") final List<Observation> run) {
        KpiAlert previous = null;
        Instant now = KpiAlertLifecycleTest.NOW;
        for (final Observation observation : run) {
            now = now.plusSeconds(60);
            final OnChange onChange = KpiAlertLifecycle.onChange(previous, observation.status().breached());
            final Optional<KpiAlert> next = KpiAlertLifecycle.next(previous, observation, now);
            final boolean open = previous != null && previous.state() != AlertState.RESOLVED;

            next.ifPresent(alert -> assertThat(alert.state() == AlertState.RESOLVED)
                .isEqualTo(!observation.status().breached()));
            switch (onChange) {
                case NOTHING -> assertThat(next).isEmpty();
                case WRITE_NOW -> assertThat(next).get().extracting(KpiAlert::state)
                    .isEqualTo(open ? AlertState.RESOLVED : AlertState.RAISED);
                case AT_NEXT_UPDATE -> next.ifPresent(alert -> assertThat(alert.state()).isEqualTo(AlertState.UPDATED));
            }
            if (open && next.isPresent()) {
                assertThat(next.get().raisedAt()).isEqualTo(previous.raisedAt());
            }
            if (next.isPresent()) {
                previous = next.get();
            }
        }
    }

    @Provide
    Arbitrary<List<Observation>> runs() {
        final Arbitrary<Observation> observation = Combinators.combine(
            Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 4),
            Arbitraries.of(List.<String>of(), List.of("HS-1"), List.of("HS-2", "HS-1")))
            .as(KpiAlertLifecycleTest::observed);
        return observation.list().ofMaxSize(30);
    }
}
