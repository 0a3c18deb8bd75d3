package vn.tthc.monitor.monitoring;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * A real Prometheus (the {@code prometheus} program on the PATH) on a free loopback port, with the
 * repository's prometheus/prometheus.yml changed only where a test must: scrape and evaluate every
 * second, its rule files by absolute path, and each job pointed at the test's instance of its service.
 */
public final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(final Process process, final Path log, final URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts Prometheus scraping each job of prometheus/prometheus.yml at the address (host:port) {@code targets}
     * gives it; returns once it answers ready.
     */
    public static PrometheusServer scraping(final Map<String, String> targets) throws IOException {
        final Path prometheus = Executables.onPath("prometheus");
        final Path directory = TestDirectories.fresh("prometheus");
        final Path config = directory.resolve("prometheus.yml");
        final Path operatorKey = Files.writeString(directory.resolve("operator_key"), RunningService.OPERATOR_KEY);
        RepositoryFiles.YAML.writeValue(config.toFile(), testConfig(targets, operatorKey));
        final int port = freePort();
        final Path log = directory.resolve("prometheus.log");
        final Process process = new ProcessBuilder(prometheus.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + directory.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        final PrometheusServer server = new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
        server.awaitReady();
        return server;
    }

    /**
     * The repository's compose config with test intervals, absolute rule paths, each job's target and the operator key
     * file (the secret compose mounts) replaced; fails if a job has no target in {@code targets} or a target no job.
     */
    static JsonNode testConfig(final Map<String, String> targets, final Path operatorKey) {
        final ObjectNode config = (ObjectNode) RepositoryFiles.yaml("prometheus/prometheus.yml");
        final ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        final ArrayNode ruleFiles = config.putArray("rule_files");
        RepositoryFiles.yaml("prometheus/prometheus.yml").path("rule_files")
            .forEach(file -> ruleFiles.add(RepositoryFiles.path("prometheus").resolve(file.asText()).normalize().toString()));
        final ArrayNode jobs = RepositoryFiles.YAML.createArrayNode();
        for (final JsonNode job : config.path("scrape_configs")) {
            final String name = job.path("job_name").asText();
            if (!targets.containsKey(name)) {
                throw new IllegalArgumentException("prometheus/prometheus.yml scrapes " + name + ", the test runs no " + name);
            }
            final ObjectNode copy = ((ObjectNode) job).deepCopy();
            copy.putArray("static_configs").addObject().putArray("targets").add(targets.get(name));
            if (copy.has("authorization")) {
                ((ObjectNode) copy.path("authorization")).put("credentials_file", operatorKey.toString());
            }
            jobs.add(copy);
        }
        if (jobs.size() != targets.size()) {
            throw new IllegalArgumentException("prometheus/prometheus.yml does not scrape every one of " + targets.keySet());
        }
        config.set("scrape_configs", jobs);
        return config;
    }

    /** An instant query: Prometheus' answer ({@code status}, {@code data.result} or {@code error}). */
    public JsonNode query(final String expr) {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /** The number of results of an instant query; fails with Prometheus' error if the query is not valid. */
    public int resultCount(final String expr) {
        final JsonNode answer = query(expr);
        if (!answer.path("status").asText().equals("success")) {
            throw new AssertionError("Prometheus refused " + expr + ": " + answer.path("error").asText());
        }
        return answer.path("data").path("result").size();
    }

    /**
     * The number of series a range query (as Grafana's panels send) returns over the last {@code range}, one point per
     * second; fails with Prometheus' error if the query is not valid.
     */
    public int rangeResultCount(final String expr, final Duration range) {
        final long end = Instant.now().getEpochSecond();
        final JsonNode answer = get("/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
            + "&start=" + (end - range.toSeconds()) + "&end=" + end + "&step=1");
        if (!answer.path("status").asText().equals("success")) {
            throw new AssertionError("Prometheus refused " + expr + ": " + answer.path("error").asText());
        }
        return answer.path("data").path("result").size();
    }

    /**
     * The results of an instant query as Grafana's {@code query_result(expr)} renders them for a variable's regex:
     * {@code name{label="value",…} value timestamp} (labels in Prometheus' order, no name for an unnamed series).
     */
    public List<String> queryResultLines(final String expr) {
        final List<String> lines = new ArrayList<>();
        for (final JsonNode result : query(expr).path("data").path("result")) {
            final StringBuilder labels = new StringBuilder();
            result.path("metric").fields().forEachRemaining(label -> {
                if (!label.getKey().equals("__name__")) {
                    labels.append(labels.isEmpty() ? "" : ",").append(label.getKey()).append("=\"").append(label.getValue().asText())
                        .append('"');
                }
            });
            final JsonNode value = result.path("value");
            lines.add(result.path("metric").path("__name__").asText() + "{" + labels + "} " + value.path(1).asText() + " "
                + Math.round(value.path(0).asDouble() * 1000));
        }
        return lines;
    }

    /** The values of {@code label} on the series matching {@code match}. */
    public List<String> labelValues(final String label, final String match) {
        final JsonNode answer = get("/api/v1/label/" + label + "/values?match[]="
            + URLEncoder.encode(match, StandardCharsets.UTF_8));
        final List<String> values = new ArrayList<>();
        answer.path("data").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Every rule Prometheus evaluates, with its health and last error. */
    public JsonNode rules() {
        return get("/api/v1/rules").path("data").path("groups");
    }

    /** What Prometheus wrote to its log: for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (final IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() {
        await("prometheus ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            return ready();
        });
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (final IOException notListeningYet) {
            return false;
        }
    }

    private JsonNode get(final String pathAndQuery) {
        try {
            final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
            return RepositoryFiles.JSON.readTree(response.body());
        } catch (final IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
