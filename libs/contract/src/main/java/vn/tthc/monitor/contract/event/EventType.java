package vn.tthc.monitor.contract.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types of EVENTS.md section 1, declared in the order that breaks ties between
 * events of one case at the same {@code occurredAt} (section 2).
 */
public enum EventType {
    CASE_RECEIVED("case.received"),
    CASE_SUPPLEMENT_REQUESTED("case.supplement_requested"),
    CASE_SUPPLEMENT_RECEIVED("case.supplement_received"),
    CASE_EXTENDED("case.extended"),
    CASE_RESOLVED("case.resolved"),
    CASE_WITHDRAWN("case.withdrawn"),
    CASE_RETURNED("case.returned"),
    SURVEY_SUBMITTED("survey.submitted"),
    FEEDBACK_RECEIVED("feedback.received"),
    FEEDBACK_RESOLVED("feedback.resolved");

    private static final Map<String, EventType> BY_WIRE_NAME =
        Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(final String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code type} field, e.g. {@code case.received}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(final String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
