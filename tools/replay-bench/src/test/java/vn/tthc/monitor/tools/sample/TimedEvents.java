package vn.tthc.monitor.tools.sample;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import vn.tthc.monitor.contract.event.Event;

/** Events waiting for their time: taken out in {@code occurredAt} order once that time has come. */
final class TimedEvents {

    private final PriorityQueue<Event> waiting = new PriorityQueue<>(Comparator.comparing(Event::occurredAt));

    void addAll(final Collection<Event> events) {
        waiting.addAll(events);
    }

    /** Hands every event that occurred at or before {@code now} to {@code sink}, oldest first. */
    void takeUntil(final Instant now, final Consumer<Event> sink) {
        while (!waiting.isEmpty() && !waiting.peek().occurredAt().isAfter(now)) {
            sink.accept(waiting.poll());
        }
    }

    void takeAll(final Consumer<Event> sink) {
        while (!waiting.isEmpty()) {
            sink.accept(waiting.poll());
        }
    }
}
