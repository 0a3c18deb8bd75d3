package vn.tthc.monitor.ingest.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the gateway's answers (docs/INGEST.md): per-event results of a 200, problem details of an error. */
final class GatewayAnswers {

    private final ObjectMapper json;

    GatewayAnswers(final ObjectMapper json) {
        this.json = json;
    }

    /**
     * The outcome of each event of a batch, indexed in the whole list ({@code offset} + index in the batch).
     *
     * @throws IOException when the answer is not the documented shape or does not cover every event
     */
    List<EventOutcome> outcomes(final byte[] body, final int batchSize, final int offset) throws IOException {
        final JsonNode results = json.readTree(body).path("results");
        if (!results.isArray()) {
            throw new IOException("the gateway's answer has no 'results' array");
        }
        final EventOutcome[] outcomes = new EventOutcome[batchSize];
        for (final JsonNode result : results) {
            final int index = result.path("index").asInt(-1);
            if (index < 0 || index >= batchSize) {
                throw new IOException("the gateway answered for index " + result.path("index") + " of a batch of " + batchSize);
            }
            outcomes[index] = new EventOutcome(offset + index, text(result, "eventId"), status(result), text(result, "reason"));
        }
        final List<EventOutcome> all = new ArrayList<>(batchSize);
        for (int index = 0; index < batchSize; index++) {
            if (outcomes[index] == null) {
                throw new IOException("the gateway's answer has no result for index " + index);
            }
            all.add(outcomes[index]);
        }
        return all;
    }

    /** "title: detail" of an {@code application/problem+json} body, or the start of whatever the body is. */
    String problem(final byte[] body) {
        try {
            final JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                final String title = text(problem, "title");
                final String detail = text(problem, "detail");
                final JsonNode events = problem.path("events");
                return (title == null ? "" : title) + (detail == null ? "" : ": " + detail)
                    + (events.isArray() ? " " + events : "");
            }
        } catch (final IOException e) {
            // not JSON: fall through to the raw text
        }
        final String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static EventOutcome.Status status(final JsonNode result) throws IOException {
        final String status = text(result, "status");
        try {
            return EventOutcome.Status.valueOf(String.valueOf(status).toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new IOException("unknown event status '" + status + "' in the gateway's answer", e);
        }
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
