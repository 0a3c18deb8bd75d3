package vn.tthc.monitor.ingest.client.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of the contract (EVENTS.md section 1), ready to send: its JSON fields in a fixed order,
 * timestamps already written as ISO-8601 text with an offset. Made by the builders of {@link Events}.
 *
 * @param type    the {@code type} field, e.g. {@code case.received}
 * @param eventId the {@code eventId} field
 * @param key     the Kafka record key the contract prescribes: {@code caseId}, {@code unitId} or {@code feedbackId}
 * @param fields  every field of the JSON object, {@code eventId} and {@code type} included
 */
public record IngestEvent(String type, String eventId, String key, Map<String, Object> fields) {

    public IngestEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(key, "key");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
