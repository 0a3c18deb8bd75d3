package vn.tthc.monitor.simulator.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces events straight to the events topic, one record per event, keyed as EVENTS.md section 1
 * says ({@code caseId}, {@code unitId} or {@code feedbackId}), with an idempotent producer so a
 * retry never writes an event twice. The first failed send stops the run.
 */
public final class KafkaSink implements EventSink {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaSink(final String bootstrapServers, final String topic) {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "case-simulator");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    @Override
    public void send(final Delivery delivery) throws IOException {
        throwIfFailed();
        producer.send(new ProducerRecord<>(topic, delivery.key().getBytes(StandardCharsets.UTF_8), delivery.json()),
            (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                } else {
                    acknowledged.incrementAndGet();
                }
            });
    }

    @Override
    public void flush() throws IOException {
        producer.flush();
        throwIfFailed();
    }

    @Override
    public Map<String, Object> progress() {
        return Map.of("acknowledged", acknowledged.get());
    }

    @Override
    public void close() {
        producer.close();
    }

    private void throwIfFailed() throws IOException {
        final Exception e = failure.get();
        if (e != null) {
            throw new IOException("cannot produce to " + topic + ": " + e.getMessage(), e);
        }
    }
}
