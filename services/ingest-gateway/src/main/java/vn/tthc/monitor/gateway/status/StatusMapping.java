package vn.tthc.monitor.gateway.status;

import java.util.List;

/** What {@link NationalStatusMapping} makes of one record or step of a sync message. */
public sealed interface StatusMapping {

    /**
     * One canonical event made from an item: its id, its type, its JSON text (UTF-8) and the fields of it that
     * came from configuration, not from the item ({@code channel}, {@code onlineEligible}).
     */
    record MappedEvent(String eventId, String type, byte[] json, List<String> assumed) {
        public MappedEvent {
            assumed = List.copyOf(assumed);
        }
    }

    /**
     * The item implies these events (in order).
     *
     * @param warnings     what the item implies but could not be given (a part of it lacks its time), one reason each
     * @param statusReason why the item's own status gives no event (the others come from its fields), or null
     */
    record Mapped(List<MappedEvent> events, List<String> warnings, String statusReason) implements StatusMapping {
        public Mapped {
            events = List.copyOf(events);
            warnings = List.copyOf(warnings);
        }
    }

    /** A valid item that implies no canonical event: recorded, not counted. */
    record Ignored(String reason) implements StatusMapping {
    }

    /**
     * An item that cannot be mapped: a field its status needs is missing or wrong, or its unit matches none.
     *
     * @param unitNotMatched whether the reason is the unit (counted per source)
     */
    record Rejected(String reason, boolean unitNotMatched) implements StatusMapping {
        public Rejected(final String reason) {
            this(reason, false);
        }
    }
}
