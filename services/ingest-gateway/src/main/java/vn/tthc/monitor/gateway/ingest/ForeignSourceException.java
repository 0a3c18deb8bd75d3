package vn.tthc.monitor.gateway.ingest;

import java.util.List;

/** A request with events of another source than the key's: refused whole (403), nothing written. */
public final class ForeignSourceException extends Exception {

    /** One offending event: its position, its eventId (if readable) and the source it carries. */
    public record ForeignEvent(int index, String eventId, String source) {
    }

    private final transient List<ForeignEvent> events;

    public ForeignSourceException(final String keySource, final List<ForeignEvent> events) {
        super("this key writes for source '" + keySource + "' only; " + events.size()
            + " event(s) carry another source", null, false, false);
        this.events = List.copyOf(events);
    }

    public List<ForeignEvent> events() {
        return events;
    }
}
