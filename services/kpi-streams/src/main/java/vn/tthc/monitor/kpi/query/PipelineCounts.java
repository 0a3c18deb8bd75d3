package vn.tthc.monitor.kpi.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Accepted (distinct, valid), rejected and duplicate deliveries per source system, as counted in the intake stores. */
public record PipelineCounts(Map<String, Long> acceptedBySource, Map<String, Long> rejectedBySource,
                             Map<String, Long> duplicatesBySource) {

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

    static long total(final Map<String, Long> bySource) {
        return bySource.values().stream().mapToLong(Long::longValue).sum();
    }
}
