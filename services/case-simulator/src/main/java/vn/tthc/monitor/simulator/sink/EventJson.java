package vn.tthc.monitor.simulator.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.tthc.monitor.ingest.client.event.IngestEvent;

/** An event as one line of JSON, fields in their builder's order: the same bytes for the same event. */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    public static byte[] bytes(final IngestEvent event) {
        try {
            return JSON.writeValueAsBytes(event.fields());
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId(), e);
        }
    }
}
