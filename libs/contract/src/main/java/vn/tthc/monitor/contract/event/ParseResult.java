package vn.tthc.monitor.contract.event;

/** What {@link EventParser} makes of one record or line: a valid event, or the reason it is rejected. */
public sealed interface ParseResult {

    record Valid(Event event) implements ParseResult {
    }

    /**
     * A rejected record. {@code eventId} is the id it carried when one could be read, else {@code null};
     * it is informational: a rejected event reserves no {@code eventId}.
     */
    record Rejected(String reason, String eventId, String source) implements ParseResult {
    }
}
