package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Locale;
import vn.tthc.monitor.gateway.ingest.EventStatus;

/**
 * The answer to {@code POST /api/v1/status-sync}: event counts by status, the number of ignored
 * records, and one result per record in body order.
 */
@Introspected
public record StatusSyncResponse(int accepted, int duplicate, int rejected, int ignored, List<RecordResult> results) {

    public enum Outcome {
        MAPPED, IGNORED, REJECTED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of one canonical event made from a record. */
    @Introspected
    public record EventOutcome(String eventId, String type, EventStatus status,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /** What became of one record. {@code maHoSo} and {@code trangThaiHoSo} are null when unreadable. */
    @Introspected
    public record RecordResult(int index, String maHoSo, Integer trangThaiHoSo, Outcome outcome,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason, List<EventOutcome> events) {
    }
}
