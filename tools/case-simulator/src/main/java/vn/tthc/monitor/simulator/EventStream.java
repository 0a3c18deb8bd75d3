package vn.tthc.monitor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The simulated province's events in the order they happen, without end: cases arrive in office
 * time as a Poisson process of {@code casesPerWorkingDay}, each case's events are made up on arrival
 * and wait in a queue until their time. The same seed, start and settings give the same stream.
 */
final class EventStream {

    private final CaseLifecycles lifecycles;
    private final OfficeHours officeHours;
    private final SplittableRandom arrivals;
    private final Duration meanGap;
    private final PriorityQueue<ScheduledEvent> waiting = new PriorityQueue<>(
        Comparator.comparing(ScheduledEvent::simulatedAt).thenComparingLong(ScheduledEvent::sequence));
    private final Timeline timeline;
    private Instant nextArrival;
    private long cases;
    private long sequence;

    EventStream(final Province province, final OfficeHours officeHours, final Timeline timeline, final long seed,
                final double casesPerWorkingDay, final String runId) {
        this.lifecycles = new CaseLifecycles(province, officeHours, timeline, runId);
        this.officeHours = officeHours;
        this.timeline = timeline;
        this.arrivals = new SplittableRandom(seed);
        this.meanGap = Duration.ofNanos((long) (officeHours.workingDay().toNanos() / casesPerWorkingDay));
        this.nextArrival = officeHours.plusWorkingTime(timeline.simulatedStart(), gap());
    }

    /** The next event in time order. */
    ScheduledEvent next() {
        while (waiting.isEmpty() || !nextArrival.isAfter(waiting.peek().simulatedAt())) {
            final SplittableRandom caseRandom = arrivals.split();
            for (final CaseLifecycles.Happening happening : lifecycles.caseEvents(cases, nextArrival, caseRandom)) {
                waiting.add(new ScheduledEvent(happening.at(), sequence++, timeline.timestampOf(happening.at()),
                    happening.event()));
            }
            cases++;
            nextArrival = officeHours.plusWorkingTime(nextArrival, gap());
        }
        return waiting.poll();
    }

    /**
     * How many events a case gives on average under this configuration, measured on {@code sample}
     * made-up cases: what turns a target rate of events into a rate of arriving cases.
     */
    static double meanEventsPerCase(final Province province, final OfficeHours officeHours, final int sample) {
        final Instant start = Instant.parse("2026-03-02T01:00:00Z");
        final CaseLifecycles lifecycles = new CaseLifecycles(province, officeHours, Timeline.realTime(start), "estimate");
        final SplittableRandom random = new SplittableRandom(sample);
        long events = 0;
        for (int n = 0; n < sample; n++) {
            events += lifecycles.caseEvents(n, start, random.split()).size();
        }
        return (double) events / sample;
    }

    /** Cases received so far. */
    long cases() {
        return cases;
    }

    /** Events made up but not yet taken: the future of the cases still open. */
    int waiting() {
        return waiting.size();
    }

    private Duration gap() {
        return Duration.ofNanos((long) (-Math.log(1 - arrivals.nextDouble()) * meanGap.toNanos()));
    }
}
