package vn.tthc.monitor.kpi.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The real exit: kpi-streams started as a process of its own (its main class, its classes and runtime
 * dependencies from {@code target/}, the test classes for {@link FailingPipeline}'s handler) with a
 * pipeline that fails on its first record and {@code TTHC_EXIT_GRACE=3s}. Its /health says DOWN, and
 * then, after the grace period and not before, the process ends with a non-zero status.
 */
class ServiceProcessExitIT {

    private static final String OPERATOR_KEY = RunningService.OPERATOR_KEY;
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aFailedPipelineIsReportedDownThenTheProcessExitsNonZeroAfterTheGracePeriod() throws Exception {
        final String prefix = "it-exit-" + UUID.randomUUID();
        final int port = freePort();
        final Path log = Files.createDirectories(Path.of("target", "process-logs")).resolve(prefix + ".log");
        final Process process = start(prefix, port, log);
        try {
            await("kpi-streams RUNNING (log: " + log + ")").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
                    assertThat(process.isAlive()).as(() -> "alive; its log:\n" + tail(log)).isTrue();
                    assertThat(health(port)).contains("\"pipeline\"").contains("RUNNING");
                });

            send(prefix + "-events", ExampleFiles.lines("basic.events.jsonl").get(0));

            await("/health DOWN before the exit (log: " + log + ")").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    assertThat(process.isAlive()).as(() -> "alive until /health said DOWN; its log:\n" + tail(log)).isTrue();
                    assertThat(health(port)).contains("\"status\":\"DOWN\"").contains("\"failure\"")
                        .contains("\"state\":\"ERROR\"");
                });
            final Instant down = Instant.now();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(() -> "exited; its log:\n" + tail(log)).isTrue();
            assertThat(process.exitValue()).as("exit status").isEqualTo(1);
            assertThat(Duration.between(down, Instant.now())).as("not before the grace period")
                .isGreaterThan(GRACE.minusSeconds(1));
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** kpi-streams from {@code target/classes} and {@code target/lib}, configured by system properties and TTHC_EXIT_GRACE. */
    private static Process start(final String prefix, final int port, final Path log) throws IOException, URISyntaxException {
        final Path testClasses = Path.of(ServiceProcessExitIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        final Path target = testClasses.getParent();
        final String classpath = String.join(File.pathSeparator, target.resolve("classes").toString(),
            target.resolve("lib").resolve("*").toString(), testClasses.toString());
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-Duser.timezone=UTC",
            "-Dkafka.bootstrap.servers=" + TestKafkaCluster.bootstrapServers(),
            "-Dkafka.streams.default.application.id=" + prefix,
            "-Dkafka.streams.default.state.dir=" + TestDirectories.fresh("process"),
            "-Dmicronaut.server.host=127.0.0.1",
            "-Dmicronaut.server.port=" + port,
            "-Dtthc.operator-key=" + OPERATOR_KEY));
        IsolatedTopics.named(prefix).forEach((name, value) -> command.add("-D" + name + "=" + value));
        FailingPipeline.properties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", classpath, KpiStreamsApplication.class.getName()));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TTHC_EXIT_GRACE", GRACE.toSeconds() + "s");
        final Process process = builder.start();
        // a test JVM that ends early must not leave the service behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + prefix));
        return process;
    }

    /** The operator's view of /health, whatever its status code. */
    private String health(final int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + OPERATOR_KEY).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void send(final String topic, final String line) {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            final byte[] value = line.getBytes(StandardCharsets.UTF_8);
            final String key = ((ParseResult.Valid) EventParser.parse(value)).event().key();
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
        }
    }

    /** The last 40 lines of the service's log, for a failure's message. */
    private static String tail(final Path log) {
        try {
            final List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (final IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
