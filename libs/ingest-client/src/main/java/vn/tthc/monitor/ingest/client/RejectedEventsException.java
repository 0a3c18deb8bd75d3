package vn.tthc.monitor.ingest.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link IngestResult#throwIfRejected()}: the gateway took the request but rejected some
 * events (invalid against EVENTS.md). The other events of the request were accepted or duplicates;
 * sending the rejected ones again unchanged will not help.
 */
public final class RejectedEventsException extends RuntimeException {

    private final transient IngestResult result;

    public RejectedEventsException(final IngestResult result) {
        super(result.rejected() + " of " + result.outcomes().size() + " events rejected: " + summary(result.rejectedEvents()));
        this.result = result;
    }

    public IngestResult result() {
        return result;
    }

    public List<EventOutcome> rejectedEvents() {
        return result.rejectedEvents();
    }

    private static String summary(final List<EventOutcome> rejected) {
        return rejected.stream().limit(5)
            .map(outcome -> "#" + outcome.index() + " " + outcome.eventId() + " (" + outcome.reason() + ")")
            .collect(Collectors.joining("; ")) + (rejected.size() > 5 ? "; ..." : "");
    }
}
