package vn.tthc.monitor.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The ingest gateway as its own JVM, started from its packaged jar (as in production), on a free loopback port,
 * against the shared test broker, writing to a given events topic, with one source system's key.
 * A process of its own because two Micronaut applications in one JVM would load each other's beans.
 */
final class GatewayProcess implements AutoCloseable {

    static final String SOURCE = "motcua-so-tnmt";

    private final String apiKey = "tthc_e2e-" + UUID.randomUUID();
    private final Process process;
    private final Path log;
    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** With more configuration properties of the gateway, e.g. {@code tthc.gateway.online-eligible-procedures}. */
    GatewayProcess(final String eventsTopic, final Map<String, String> extraProperties) {
        final String jarProperty = System.getProperty("tthc.gateway.jar");
        final Path jar = Path.of(jarProperty == null ? "" : jarProperty);
        if (jarProperty == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("no gateway jar at " + jar.toAbsolutePath()
                + ": build services/ingest-gateway first (mvn -pl tests/end-to-end -am verify does)");
        }
        final int port = freePort();
        baseUri = URI.create("http://127.0.0.1:" + port + "/");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-Duser.timezone=UTC",
            "-Dkafka.bootstrap.servers=" + TestKafkaCluster.bootstrapServers(),
            "-Dtthc.gateway.events-topic=" + eventsTopic,
            "-Dtthc.gateway.keys=" + SOURCE + ":" + sha256Hex(apiKey),
            "-Dmicronaut.server.host=127.0.0.1",
            "-Dmicronaut.server.port=" + port));
        extraProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            final Path logDir = Path.of(System.getProperty("tthc.gateway.log.dir", "target/gateway-logs"));
            Files.createDirectories(logDir);
            log = logDir.resolve("gateway-" + port + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // a test JVM that exits without running @AfterAll must not leave the gateway behind
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-gateway-" + port));
        } catch (final IOException e) {
            throw new IllegalStateException("cannot start the gateway: " + command, e);
        }
        try {
            await("gateway /health UP (log: " + log + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the gateway exited with " + process.exitValue()
                            + "; its log:\n" + Files.readString(log));
                    }
                    return healthIsUp();
                });
        } catch (final RuntimeException e) {
            close();
            throw e;
        }
    }

    URI baseUri() {
        return baseUri;
    }

    String apiKey() {
        return apiKey;
    }

    /** The file the gateway's output (its JSON log lines) goes to. */
    Path log() {
        return log;
    }

    /** A GET without a key (e.g. {@code prometheus}). */
    HttpResponse<String> get(final String path) {
        try {
            return http.send(HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpResponse<String> post(final String path, final String jsonBody) {
        return post(path, "application/json", jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST with this key of exactly {@code body}, whatever it holds, as {@code contentType}. */
    HttpResponse<String> post(final String path, final String contentType, final byte[] body) {
        final HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean healthIsUp() {
        try {
            final HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri.resolve("health"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static String sha256Hex(final String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
