package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Locale;
import vn.tthc.monitor.gateway.ingest.EventStatus;

/**
 * The answer to {@code POST /api/v1/status-sync}: the message's service, event counts by status, the numbers of
 * ignored records and of records with assumed values, and one result per record (or step) in message order.
 */
@Introspected
public record StatusSyncResponse(String service, int accepted, int duplicate, int rejected, int ignored, int assumed,
                                 List<RecordResult> results) {

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

    /**
     * What became of one record. {@code maHoSo} and {@code trangThaiHoSo} are null when unreadable; {@code events}
     * holds the events not sent before, {@code alreadySent} counts the others; {@code assumed} names the values
     * that came from configuration; {@code warnings} what the record implies but could not give.
     */
    @Introspected
    public record RecordResult(int index, String maHoSo, Integer trangThaiHoSo, Outcome outcome,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> assumed,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) int alreadySent,
                               List<EventOutcome> events) {
    }
}
