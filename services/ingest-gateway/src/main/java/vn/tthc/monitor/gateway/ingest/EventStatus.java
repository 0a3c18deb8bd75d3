package vn.tthc.monitor.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the gateway did with one event. */
public enum EventStatus {
    /** Written to the events topic and acknowledged by the broker. */
    ACCEPTED,
    /** Its eventId was accepted recently or earlier in the same request: not written again. */
    DUPLICATE,
    /** It breaks the contract or is above the size limit per event: not written. */
    REJECTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
