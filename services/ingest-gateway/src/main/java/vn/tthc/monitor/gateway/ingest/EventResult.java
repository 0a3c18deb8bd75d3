package vn.tthc.monitor.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;

/**
 * The answer for one event of a request.
 *
 * @param index   0-based position of the event in the body (array element or non-blank NDJSON line)
 * @param eventId the event's eventId when it could be read as a string, else {@code null}
 * @param status  accepted, duplicate or rejected
 * @param reason  why it was not accepted; absent when accepted
 */
@Introspected
public record EventResult(int index, String eventId, EventStatus status,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
}
