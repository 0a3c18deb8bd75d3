package vn.tthc.monitor.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The Jackson mapping of the contract's types: events in their EVENTS.md shape (timestamps as
 * ISO-8601 text), reports in the section-5 shape; absent optional values are left out.
 *
 * <p>Only for values this project wrote itself: input from outside goes through
 * {@link vn.tthc.monitor.contract.event.EventParser}.
 */
public final class ContractJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        // generated accessors instead of reflection: KPI rows are written as JSON many times a second
        .addModule(new BlackbirdModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();

    private ContractJson() {
    }

    /** A shared, thread-safe JSON mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
