package vn.tthc.monitor.kpi.testing;

import vn.tthc.monitor.testing.TestKafkaCluster;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * kpi-streams with its HTTP server on a free loopback port, against the shared test broker, with
 * topics and an application id of its own; and a producer and an HTTP client to talk to it, which
 * presents the operator key (so that /health shows its details) unless told otherwise.
 */
public final class RunningService implements AutoCloseable {

    /** The operator key the service is started with ({@code tthc.operator-key}), which {@link #get(String)} presents. */
    public static final String OPERATOR_KEY = "it-operator-key";

    private final EmbeddedServer server;
    private final String prefix;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaProducer<byte[], byte[]> producer;

    public RunningService(final Map<String, Object> extraProperties) {
        this("it-" + UUID.randomUUID(), extraProperties);
    }

    /** The service again after {@code before} stopped: same topics and application id, a fresh state directory. */
    public static RunningService restartOf(final RunningService before, final Map<String, Object> extraProperties) {
        return new RunningService(before.prefix, extraProperties);
    }

    private RunningService(final String prefix, final Map<String, Object> extraProperties) {
        this.prefix = prefix;
        final Map<String, Object> properties = new HashMap<>(IsolatedTopics.named(prefix));
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("kafka.streams.default.application.id", prefix);
        properties.put("kafka.streams.default.state.dir", TestDirectories.fresh("service").toString());
        properties.put("micronaut.server.port", -1);
        properties.put("tthc.metrics.refresh", "200ms");
        properties.put("tthc.operator-key", OPERATOR_KEY);
        properties.putAll(extraProperties);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public String topic(final String name) {
        return prefix + "-" + name;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** Sends lines to the events topic, keyed as the contract says, and waits for the broker's acknowledgement. */
    public void send(final List<String> lines) {
        for (final String line : lines) {
            if (!line.isBlank()) {
                final byte[] value = line.getBytes(StandardCharsets.UTF_8);
                final byte[] key = EventParser.parse(value) instanceof ParseResult.Valid valid
                    ? valid.event().key().getBytes(StandardCharsets.UTF_8) : null;
                producer.send(new ProducerRecord<>(topic("events"), key, value));
            }
        }
        producer.flush();
    }

    /** GET {@code path} as the operator ({@code Authorization: Bearer <OPERATOR_KEY>}). */
    public HttpResponse<String> get(final String path) {
        return get(path, "Bearer " + OPERATOR_KEY);
    }

    /** GET {@code path} with this {@code Authorization} header, or anonymously when it is null. */
    public HttpResponse<String> get(final String path, final String authorization) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        server.getApplicationContext().close();
    }
}
