package vn.tthc.monitor.ingest.client;

/**
 * What the gateway made of one event.
 *
 * @param index   the event's position in the list given to {@link IngestClient#send}
 * @param eventId the event's id, when it had a readable one
 * @param status  accepted, duplicate (its {@code eventId} was delivered before) or rejected
 * @param reason  why it was rejected; {@code null} otherwise
 */
public record EventOutcome(int index, String eventId, Status status, String reason) {

    public enum Status {
        ACCEPTED,
        DUPLICATE,
        REJECTED
    }
}
