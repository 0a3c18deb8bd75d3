package vn.tthc.monitor.ingest.client;

import java.util.List;

/** The outcome of every event sent, in the order they were given. */
public record IngestResult(List<EventOutcome> outcomes) {

    public IngestResult {
        outcomes = List.copyOf(outcomes);
    }

    public static IngestResult empty() {
        return new IngestResult(List.of());
    }

    public long accepted() {
        return count(EventOutcome.Status.ACCEPTED);
    }

    public long duplicates() {
        return count(EventOutcome.Status.DUPLICATE);
    }

    public long rejected() {
        return count(EventOutcome.Status.REJECTED);
    }

    public List<EventOutcome> rejectedEvents() {
        return outcomes.stream().filter(outcome -> outcome.status() == EventOutcome.Status.REJECTED).toList();
    }

    /** This result, when no event was rejected. */
    public IngestResult throwIfRejected() {
        if (rejected() > 0) {
            throw new RejectedEventsException(this);
        }
        return this;
    }

    private long count(final EventOutcome.Status status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }
}
