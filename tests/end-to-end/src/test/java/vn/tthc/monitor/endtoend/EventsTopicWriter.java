package vn.tthc.monitor.endtoend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * Writes records straight to the events topic, as a trusted producer does, with any key and any bytes: an
 * idempotent producer (so one key's records keep their order) whose request limit leaves the broker's record limit
 * ({@value #BROKER_MAX_MESSAGE_BYTES} bytes, Kafka's default {@code message.max.bytes}) as the only one.
 */
final class EventsTopicWriter implements AutoCloseable {

    /** The test broker's limit of one record batch: Kafka's default {@code message.max.bytes}. */
    static final int BROKER_MAX_MESSAGE_BYTES = 1_048_588;

    /** One record to write: {@code key} may be {@code null}. */
    record Record(String key, byte[] value) {

        static Record of(final String key, final String json) {
            return new Record(key, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    EventsTopicWriter(final String topic) {
        this.topic = topic;
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * BROKER_MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes the records in order and waits until the broker has acknowledged every one; their partitions and offsets. */
    List<RecordMetadata> write(final List<Record> records) {
        final List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (final Record record : records) {
            final byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            sent.add(producer.send(new ProducerRecord<>(topic, key, record.value())));
        }
        producer.flush();
        final List<RecordMetadata> written = new ArrayList<>(sent.size());
        try {
            for (final Future<RecordMetadata> acknowledgement : sent) {
                written.add(acknowledgement.get());
            }
        } catch (final ExecutionException e) {
            throw new IllegalStateException("the broker refused a record of the events topic: " + e.getCause(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return written;
    }

    @Override
    public void close() {
        producer.close();
    }
}
