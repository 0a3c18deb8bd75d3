package vn.tthc.monitor.kpi.query.instances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * How one instance hands its local answer to another: always HTTP 200 with an envelope {@code {"outcome": "found" |
 * "not-found" | "not-ready" | "overloaded", "truncated": .., "reason": .., "value": ..}}, written and read with the
 * contract's mapper, so that "not found here" and "not ready here" stay apart from a failed call. Public for the
 * stages that answer other instances from stores of their own (the corrective actions).
 */
public final class Wire {

    private static final ObjectMapper JSON = ContractJson.mapper();

    private Wire() {
    }

    public static String encode(final QueryResult<?> result) {
        final ObjectNode envelope = JSON.createObjectNode();
        if (result instanceof QueryResult.Found<?> found) {
            envelope.put("outcome", "found").put("truncated", found.truncated()).set("value", JSON.valueToTree(found.value()));
        } else if (result instanceof QueryResult.NotFound<?> notFound) {
            envelope.put("outcome", "not-found").put("reason", notFound.what());
        } else if (result instanceof QueryResult.Overloaded<?> overloaded) {
            envelope.put("outcome", "overloaded").put("reason", overloaded.reason());
        } else {
            envelope.put("outcome", "not-ready").put("reason", ((QueryResult.NotReady<?>) result).reason());
        }
        return envelope.toString();
    }

    /** The answer in {@code body}; {@code instance} names the instance in the reasons of the answers that are not found. */
    static <T> QueryResult<T> decode(final String body, final JavaType type, final String instance) {
        final JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (final JsonProcessingException e) {
            return new QueryResult.NotReady<>("instance " + instance + " answered something unreadable: " + e.getOriginalMessage());
        }
        final String reason = envelope.path("reason").asText();
        return switch (envelope.path("outcome").asText()) {
            case "found" -> new QueryResult.Found<>(JSON.convertValue(envelope.get("value"), type),
                envelope.path("truncated").asBoolean());
            case "not-found" -> new QueryResult.NotFound<>(reason);
            case "overloaded" -> new QueryResult.Overloaded<>("instance " + instance + ": " + reason);
            default -> new QueryResult.NotReady<>("instance " + instance + ": " + reason);
        };
    }

    public static JavaType type(final Class<?> type) {
        return JSON.getTypeFactory().constructType(type);
    }

    public static JavaType listOf(final Class<?> element) {
        return JSON.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    static JavaType mapOf(final Class<?> value) {
        return JSON.getTypeFactory().constructMapType(java.util.Map.class, String.class, value);
    }

    /** {@code value} as one segment of a path (a unit, case or alert key). */
    public static String segment(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
