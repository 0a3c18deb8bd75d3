package vn.tthc.monitor.contract.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Event lines as they come from outside, for parser and schema tests: for each type, the smallest
 * valid line (every required field, no optional one), to be changed one field at a time.
 */
public final class EventLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COMMON = "\"eventId\": \"e1\", \"occurredAt\": \"2026-03-02T08:15:00+07:00\", ";

    private static final Map<String, String> MINIMAL = Map.of(
        "case.received", "\"caseId\": \"C1\", \"unitId\": \"UBND-P-VTS\", \"fieldId\": \"HO_TICH\", "
            + "\"procedureId\": \"1.004227\", \"channel\": \"ONLINE\", \"onlineEligible\": true, "
            + "\"dueAt\": \"2026-03-05T17:00:00+07:00\"",
        "case.supplement_requested", "\"caseId\": \"C1\"",
        "case.supplement_received", "\"caseId\": \"C1\"",
        "case.extended", "\"caseId\": \"C1\", \"dueAt\": \"2026-03-13T17:00:00+07:00\"",
        "case.resolved", "\"caseId\": \"C1\", \"result\": \"APPROVED\"",
        "case.returned", "\"caseId\": \"C1\"",
        "case.withdrawn", "\"caseId\": \"C1\"",
        "survey.submitted", "\"unitId\": \"UBND-P-VTS\", \"rating\": \"SATISFIED\"",
        "feedback.received", "\"feedbackId\": \"F1\", \"unitId\": \"UBND-P-VTS\", "
            + "\"dueAt\": \"2026-03-20T17:00:00+07:00\"",
        "feedback.resolved", "\"feedbackId\": \"F1\"");

    /** The fields each type requires besides {@code eventId}, {@code type} and {@code occurredAt}. */
    public static final Map<String, List<String>> REQUIRED = Map.of(
        "case.received", List.of("caseId", "unitId", "fieldId", "procedureId", "channel", "onlineEligible", "dueAt"),
        "case.supplement_requested", List.of("caseId"),
        "case.supplement_received", List.of("caseId"),
        "case.extended", List.of("caseId", "dueAt"),
        "case.resolved", List.of("caseId", "result"),
        "case.returned", List.of("caseId"),
        "case.withdrawn", List.of("caseId"),
        "survey.submitted", List.of("unitId", "rating"),
        "feedback.received", List.of("feedbackId", "unitId", "dueAt"),
        "feedback.resolved", List.of("feedbackId"));

    private EventLines() {
    }

    /** A fresh, mutable copy of the smallest valid line of {@code type}. */
    public static ObjectNode minimal(final String type) {
        final String body = MINIMAL.get(type);
        if (body == null) {
            throw new IllegalArgumentException("no such event type in the contract: " + type);
        }
        return object("{" + COMMON + "\"type\": \"" + type + "\", " + body + "}");
    }

    public static ObjectNode object(final String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
