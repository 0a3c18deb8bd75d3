package vn.tthc.monitor.kpi.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Accepted (distinct, valid), rejected and duplicate deliveries per source system, as counted in the intake stores; and
 * of the accepted, those whose id could not be checked against the ids forgotten after the duplicate check's retention
 * (they may repeat one: docs/ARCHITECTURE.md, "Bounded state").
 */
public record PipelineCounts(Map<String, Long> acceptedBySource, Map<String, Long> rejectedBySource,
                             Map<String, Long> duplicatesBySource, Map<String, Long> unverifiedIdsBySource) {

    @JsonProperty
    public long accepted() {
        return total(acceptedBySource);
    }


    @JsonProperty
    public long rejected() {
        return total(rejectedBySource);
    }

    @JsonProperty
    public long duplicates() {
        return total(duplicatesBySource);
    }

    @JsonProperty
    public long unverifiedIds() {
        return total(unverifiedIdsBySource);
    }

    static long total(final Map<String, Long> bySource) {
        return bySource.values().stream().mapToLong(Long::longValue).sum();
    }
}
