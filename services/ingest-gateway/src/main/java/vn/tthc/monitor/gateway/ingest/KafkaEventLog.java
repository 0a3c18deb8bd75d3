package vn.tthc.monitor.gateway.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The events topic, written by an idempotent producer ({@code enable.idempotence=true},
 * {@code acks=all}): a retry inside the producer never writes a record twice. Key and value
 * are bytes: the contract key as UTF-8 and the event exactly as the sender wrote it. The producer
 * is the gateway's one, shared with the entity owners topic (one produce request carries both).
 */
public final class KafkaEventLog implements EventLog {

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public KafkaEventLog(final Producer<byte[], byte[]> producer, final String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** The gateway's producer: {@link #settings}, bytes in and out. */
    public static KafkaProducer<byte[], byte[]> producer(final String bootstrapServers) {
        return new KafkaProducer<>(settings(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The gateway's producer settings. */
    public static Map<String, Object> settings(final String bootstrapServers) {
        return Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.LINGER_MS_CONFIG, 2,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            // A request waits for its acknowledgements: fail fast enough to answer 503, not hang.
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all");
    }

    @Override
    public CompletableFuture<Void> append(final String key, final byte[] value) {
        final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value), (metadata, e) -> {
                if (e != null) {
                    acknowledged.completeExceptionally(e);
                } else {
                    acknowledged.complete(null);
                }
            });
        } catch (final RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

}
