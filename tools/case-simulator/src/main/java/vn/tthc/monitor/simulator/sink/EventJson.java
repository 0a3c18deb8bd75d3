package vn.tthc.monitor.simulator.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import vn.tthc.monitor.ingest.client.event.IngestEvent;

/** An event as one line of JSON, fields in their builder's order: the same bytes for the same event. */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    public static byte[] bytes(final IngestEvent event) {
        return bytes(event.fields());
    }

    /** The fields of an event, possibly altered, as one line of JSON in their map's order. */
    public static byte[] bytes(final Map<String, Object> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + fields.get("eventId"), e);
        }
    }
}
