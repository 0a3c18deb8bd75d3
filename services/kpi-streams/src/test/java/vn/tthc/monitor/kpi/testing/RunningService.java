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
 * topics and an application id of its own; and a producer and an HTTP client to talk to it.
 */
public final class RunningService implements AutoCloseable {

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

    public HttpResponse<String> get(final String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
