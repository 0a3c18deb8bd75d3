package vn.tthc.monitor.monitoring;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service of the repository (ingest-gateway, alert-notifier) as its own JVM, started from its packaged jar as
 * {@code ./tthc up} starts it, on a free loopback port, with configuration properties given as {@code -D}; returns
 * once its {@code /health} answers 200. A process of its own because two Micronaut applications in one JVM would load
 * each other's beans.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code jarProperty}: the system property (set by the module's pom) naming the packaged jar. */
    ServiceProcess(final String name, final String jarProperty, final Map<String, String> properties) {
        this.name = name;
        final String jarPath = System.getProperty(jarProperty);
        final Path jar = Path.of(jarPath == null ? "" : jarPath);
        if (jarPath == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + name + " jar at " + jar.toAbsolutePath()
                + ": build it first (mvn -pl tests/monitoring -am verify does)");
        }
        port = freePort();
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-Dmicronaut.server.host=127.0.0.1",
            "-Dmicronaut.server.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            final Path logDir = Path.of(System.getProperty("tthc.service.log.dir", "target/service-logs"));
            Files.createDirectories(logDir);
            log = logDir.resolve(name + "-" + port + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // a test JVM that exits without closing must not leave the service behind
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name + "-" + port));
        } catch (final IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + command, e);
        }
        try {
            await(name + " /health UP (log: " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n"
                            + Files.readString(log));
                    }
                    return get("/health") == 200;
                });
        } catch (final RuntimeException e) {
            close();
            throw e;
        }
    }

    /** host:port, as Prometheus scrapes it. */
    String address() {
        return "127.0.0.1:" + port;
    }

    URI uri(final String path) {
        return URI.create("http://" + address() + path);
    }

    /** What the service wrote to its output: for failure messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (final IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** POST {@code body} as JSON with these headers (name, value, …); the status of the answer. */
    int post(final String path, final String body, final String... headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private int get(final String path) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build());
        } catch (final IllegalStateException notListeningYet) {
            return -1;
        }
    }

    private int send(final HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (final IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after 20 s). */
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

    @Override
    public String toString() {
        return name + " at " + address();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
