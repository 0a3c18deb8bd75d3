package vn.tthc.monitor.ingest.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the ingest gateway on a loopback port: answers the scripted replies in turn, and
 * once they are used up answers 200 with every event accepted, except the event ids it was told to
 * reject. Records every request it received.
 */
public final class StubGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Set<String> rejectedIds = Set.of();

    /** One received request: its headers of interest and its body as JSON. */
    public record Request(String authorization, String contentType, JsonNode body) {
    }

    public record Reply(int status, Map<String, String> headers, String body) {

        public static Reply problem(final int status, final String title, final Map<String, String> headers) {
            return new Reply(status, headers, "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + title + " (stub)\"}");
        }
    }

    public StubGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/events", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public synchronized StubGateway then(final Reply reply) {
        script.add(reply);
        return this;
    }

    public synchronized StubGateway rejecting(final Set<String> eventIds) {
        this.rejectedIds = Set.copyOf(eventIds);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized void handle(final HttpExchange exchange) throws IOException {
        final JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type"), body));
        final Reply reply = script.isEmpty() ? accepting(body) : script.poll();
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type",
            reply.status() == 200 ? "application/json" : "application/problem+json");
        final byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The answer of docs/INGEST.md: counters, then one result per event. */
    private Reply accepting(final JsonNode events) {
        final ObjectNode answer = JSON.createObjectNode();
        final ArrayNode results = JSON.createArrayNode();
        int accepted = 0;
        int rejected = 0;
        for (int index = 0; index < events.size(); index++) {
            final String eventId = events.get(index).path("eventId").asText();
            final ObjectNode result = results.addObject().put("index", index).put("eventId", eventId);
            if (rejectedIds.contains(eventId)) {
                result.put("status", "rejected").put("reason", "missing required field 'caseId'");
                rejected++;
            } else {
                result.put("status", "accepted");
                accepted++;
            }
        }
        answer.put("accepted", accepted).put("duplicate", 0).put("rejected", rejected).set("results", results);
        return new Reply(200, Map.of(), answer.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
