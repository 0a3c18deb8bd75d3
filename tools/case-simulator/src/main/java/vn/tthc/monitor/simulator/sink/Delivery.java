package vn.tthc.monitor.simulator.sink;

import vn.tthc.monitor.ingest.client.event.IngestEvent;

/**
 * One line or record the simulator sends: an event of the contract (new, or delivered again with the
 * same bytes), or a broken line that EVENTS.md section 1 rejects.
 */
public sealed interface Delivery {

    /** The record key: the one the contract prescribes for the event (for a broken line, for the event it was made from). */
    String key();

    /** The JSON of the line or record value, without a line end. */
    byte[] json();

    /** An event of the contract and its JSON. */
    record Valid(IngestEvent event, byte[] json) implements Delivery {

        public Valid(final IngestEvent event) {
            this(event, EventJson.bytes(event));
        }

        @Override
        public String key() {
            return event.key();
        }
    }

    /** A line no parser of the contract accepts, made from an event in the way {@code variety} names. */
    record Broken(String key, byte[] json, String variety) implements Delivery {
    }
}
