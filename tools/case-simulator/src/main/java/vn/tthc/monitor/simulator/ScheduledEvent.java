package vn.tthc.monitor.simulator;

import java.time.Instant;
import vn.tthc.monitor.ingest.client.event.IngestEvent;

/**
 * An event waiting for its time. {@code simulatedAt} orders the stream; {@code sequence} (the
 * order of creation) breaks ties so that the same seed always gives the same order;
 * {@code timestamp} is the event's {@code occurredAt} on the run's timeline.
 */
record ScheduledEvent(Instant simulatedAt, long sequence, Instant timestamp, IngestEvent event) {
}
