package vn.tthc.monitor.gateway;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.tthc.monitor.gateway.auth.ApiKeys;
import vn.tthc.monitor.gateway.owners.EntityOwners;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The gateway with its HTTP server on a free loopback port, against the shared test broker, with
 * an events topic and an entity owners topic of its own (or another instance's) and two source
 * systems' keys, once it has read the owners; an HTTP client and a topic reader.
 */
public final class RunningGateway implements AutoCloseable {

    public static final String SOURCE = "so-tnmt";
    public static final String SOURCE_KEY = "tthc_test-key-of-so-tnmt";
    public static final String OTHER_SOURCE = "ubnd-phuong";
    public static final String OTHER_KEY = "tthc_test-key-of-ubnd-phuong";

    private final EmbeddedServer server;
    private final String topic;
    private final String ownersTopic;
    private final Path stateDir;
    private final Map<String, Object> extraProperties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A gateway with topics of its own (the gateway creates the entity owners topic) and a fresh state directory. */
    public RunningGateway(final Map<String, Object> extraProperties) {
        this(createTopic("gw-it-" + UUID.randomUUID()), "gw-it-owners-" + UUID.randomUUID(),
            TestDirectories.fresh("gateway"), extraProperties);
    }

    public RunningGateway() {
        this(Map.of());
    }

    private RunningGateway(final String topic, final String ownersTopic, final Path stateDir,
                           final Map<String, Object> extraProperties) {
        this.topic = topic;
        this.ownersTopic = ownersTopic;
        this.stateDir = stateDir;
        this.extraProperties = Map.copyOf(extraProperties);
        final Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("tthc.gateway.events-topic", topic);
        properties.put("tthc.gateway.entity-owners-topic", ownersTopic);
        properties.put("tthc.gateway.partitions", 3);
        properties.put("tthc.gateway.state-dir", stateDir.toString());
        properties.put("tthc.gateway.keys", SOURCE + ":" + ApiKeys.hashHex(SOURCE_KEY) + ","
            + OTHER_SOURCE + ":" + ApiKeys.hashHex(OTHER_KEY));
        properties.put("tthc.gateway.rate-limit", 10_000);
        properties.put("tthc.gateway.rate-burst", 10_000);
        properties.put("micronaut.server.port", -1);
        properties.putAll(extraProperties);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        final EntityOwners owners = server.getApplicationContext().getBean(EntityOwners.class);
        await("the gateway has read the entity owners").atMost(Duration.ofSeconds(30)).until(owners::ready);
    }

    /** Another gateway instance on the topics of {@code other}, with a state directory of its own. */
    public static RunningGateway besides(final RunningGateway other, final Map<String, Object> extraProperties) {
        return new RunningGateway(other.topic, other.ownersTopic, TestDirectories.fresh("gateway"), extraProperties);
    }

    /** The gateway {@code stopped} was, started again on its topics, state directory and properties. */
    public static RunningGateway restarted(final RunningGateway stopped) {
        return new RunningGateway(stopped.topic, stopped.ownersTopic, stopped.stateDir, stopped.extraProperties);
    }

    public String topic() {
        return topic;
    }

    public String ownersTopic() {
        return ownersTopic;
    }

    public EmbeddedServer server() {
        return server;
    }

    public HttpResponse<String> post(final String path, final String contentType, final byte[] body,
                                     final Map<String, String> headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** POST with the key of {@link #SOURCE}. */
    public HttpResponse<String> post(final String path, final String contentType, final String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8),
            Map.of("Authorization", "Bearer " + SOURCE_KEY));
    }

    public HttpResponse<String> get(final String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(final String path, final Map<String, String> headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every record of the events topic now (the gateway acknowledges before it answers). */
    public List<ConsumerRecord<byte[], byte[]>> records() {
        return records(topic);
    }

    /** Every record of {@code topic} now. */
    public static List<ConsumerRecord<byte[], byte[]>> records(final String topic) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String createTopic(final String name) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafkaCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
            return name;
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
