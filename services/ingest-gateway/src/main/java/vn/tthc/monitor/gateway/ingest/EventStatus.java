package vn.tthc.monitor.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the gateway did with one event. */
public enum EventStatus {
    /** Written to the events topic and acknowledged by the broker, with its claims. */
    ACCEPTED,
    /** Its eventId was accepted recently or earlier in the same request: not written again. */
    DUPLICATE,
    /** It breaks the contract, is above the size limit per event, or its entity or id is another source's: not written. */
    REJECTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
