package vn.tthc.monitor.simulator;

import static net.logstash.logback.argument.StructuredArguments.entries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.simulator.sink.EventSink;

/**
 * Takes deliveries (events, re-deliveries, broken lines) and hands them to the sink, paced: live
 * (each event when the wall clock reaches its timestamp, a fault at once), at a fixed rate, or as
 * fast as the sink takes them; until the delivery count or the duration is reached, or
 * {@link #stop()} is called. Logs progress as structured fields every {@code progressEvery}.
 */
final class Simulation {

    /** When an event may be sent: the wall-clock instant, given the run's start and the event's place in the run. */
    sealed interface Pacing {

        Instant sendAt(Instant runStart, long index, ScheduledEvent event);

        /** Each event at its own timestamp. */
        record Live() implements Pacing {
            @Override
            public Instant sendAt(final Instant runStart, final long index, final ScheduledEvent event) {
                return event.timestamp();
            }
        }

        /** {@code perSecond} events a second. */
        record Rate(double perSecond) implements Pacing {
            @Override
            public Instant sendAt(final Instant runStart, final long index, final ScheduledEvent event) {
                return runStart.plusNanos((long) (index * 1e9 / perSecond));
            }
        }

        /** No waiting. */
        record Unpaced() implements Pacing {
            @Override
            public Instant sendAt(final Instant runStart, final long index, final ScheduledEvent event) {
                return runStart;
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final Duration LONGEST_WAIT = Duration.ofMillis(500);

    private final Deliveries deliveries;
    private final EventSink sink;
    private final Pacing pacing;
    private final long maxEvents;
    private final Duration maxDuration;
    private final Duration progressEvery;
    private final Clock clock;
    private volatile boolean stopping;

    /**
     * @param maxEvents   stop after this many deliveries, faults included; {@link Long#MAX_VALUE} for no limit
     * @param maxDuration stop after this long; {@code null} for no limit
     */
    Simulation(final Deliveries deliveries, final EventSink sink, final Pacing pacing, final long maxEvents,
               final Duration maxDuration, final Duration progressEvery, final Clock clock) {
        this.deliveries = deliveries;
        this.sink = sink;
        this.pacing = pacing;
        this.maxEvents = maxEvents;
        this.maxDuration = maxDuration;
        this.progressEvery = progressEvery;
        this.clock = clock;
    }

    /** Asks a running simulation to end after the event at hand; what is buffered is still delivered. */
    void stop() {
        stopping = true;
    }

    /** Runs to the end and returns the number of deliveries sent. */
    long run() throws Exception {
        final Instant start = clock.instant();
        final Instant end = maxDuration == null ? Instant.MAX : start.plus(maxDuration);
        final ProgressLog progress = new ProgressLog(start);
        long sent = 0;
        while (sent < maxEvents && !stopping) {
            final Deliveries.Next next = deliveries.next();
            final Instant sendAt = pacing.sendAt(start, sent, next.pacedBy());
            Instant now = clock.instant();
            while (now.isBefore(sendAt) && now.isBefore(end) && !stopping) {
                sink.flush();
                final Duration wait = Duration.between(now, sendAt);
                Thread.sleep(Math.max(1, (wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT).toMillis()));
                now = clock.instant();
                progress.logIfDue(now, sent);
            }
            if (!now.isBefore(end) || stopping) {
                break;
            }
            sink.send(next.delivery());
            sent++;
            progress.latest = next.pacedBy();
            progress.logIfDue(now, sent);
        }
        sink.flush();
        progress.log("finished", clock.instant(), sent, sent, start);
        return sent;
    }

    /** The structured progress line, every {@code progressEvery}. */
    private final class ProgressLog {

        private ScheduledEvent latest;
        private Instant last;
        private Instant next;
        private long sentAtLast;

        ProgressLog(final Instant start) {
            this.last = start;
            this.next = start.plus(progressEvery);
        }

        void logIfDue(final Instant now, final long sent) {
            if (!now.isBefore(next)) {
                log("progress", now, sent, sent - sentAtLast, last);
                sentAtLast = sent;
                last = now;
                next = now.plus(progressEvery);
            }
        }

        void log(final String what, final Instant now, final long sent, final long sentInInterval, final Instant since) {
            final Duration interval = Duration.between(since, now);
            final Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("events", sent);
            fields.put("eventsPerSecond", interval.isZero() ? 0 : Math.round(sentInInterval * 1000.0 / interval.toMillis()));
            fields.put("cases", deliveries.stream().cases());
            fields.put("waitingEvents", deliveries.stream().waiting());
            fields.put("duplicatesSent", deliveries.duplicates());
            fields.put("brokenSent", deliveries.broken());
            if (latest != null) {
                fields.put("simulatedTime", latest.simulatedAt().atZone(VietnamTime.ZONE).toLocalDateTime().toString());
                fields.put("latestOccurredAt", latest.timestamp().toString());
                if (pacing instanceof Pacing.Live) {
                    fields.put("lagMillis", Duration.between(latest.timestamp(), now).toMillis());
                }
            }
            fields.putAll(sink.progress());
            LOG.info("{} {}", what, entries(fields));
        }
    }
}
