package vn.tthc.monitor.gateway.ingest;

import io.micronaut.core.annotation.Introspected;
import java.util.List;

/** The answer to {@code POST /api/v1/events}: counts by status and one result per event, in body order. */
@Introspected
public record IngestResponse(int accepted, int duplicate, int rejected, List<EventResult> results) {

    public static IngestResponse of(final List<EventResult> results) {
        int accepted = 0;
        int duplicate = 0;
        int rejected = 0;
        for (final EventResult result : results) {
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> rejected++;
            }
        }
        return new IngestResponse(accepted, duplicate, rejected, List.copyOf(results));
    }
}
