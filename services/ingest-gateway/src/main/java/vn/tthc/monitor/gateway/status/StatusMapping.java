package vn.tthc.monitor.gateway.status;

import java.util.List;

/** What {@link NationalStatusMapping} makes of one status record. */
public sealed interface StatusMapping {

    /** One canonical event made from a record: its id, its type and its JSON text (UTF-8). */
    record MappedEvent(String eventId, String type, byte[] json) {
    }

    /** The record gives these events (in order). */
    record Mapped(List<MappedEvent> events) implements StatusMapping {
        public Mapped {
            events = List.copyOf(events);
        }
    }

    /** A valid record whose status has no canonical event: recorded, not counted. */
    record Ignored(String reason) implements StatusMapping {
    }

    /** A record that cannot be mapped (a field its status needs is missing or out of range). */
    record Rejected(String reason) implements StatusMapping {
    }
}
