package vn.tthc.monitor.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * Reads kpi-streams' dead-letter topic (the rejected events) from its start, read_committed, and keeps what it read
 * between calls: each dead letter's bytes and the headers that say why and where from ({@link RejectionHeaders}).
 */
final class DeadLetterReader implements AutoCloseable {

    /** One dead letter: the record's value as the pipeline read it, its kind and reason, and the record it came from. */
    record DeadLetter(byte[] value, String kind, String reason, String sourceTopic, String sourcePartition,
                      String sourceOffset) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<DeadLetter> read = new ArrayList<>();

    DeadLetterReader(final String topic) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * EventsTopicWriter.BROKER_MAX_MESSAGE_BYTES);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Every dead letter read so far, after polling until a poll brings nothing more. */
    List<DeadLetter> all() {
        int polled;
        do {
            polled = 0;
            for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                polled++;
                read.add(new DeadLetter(record.value(),
                    RejectionHeaders.read(record.headers(), RejectionHeaders.KIND),
                    RejectionHeaders.read(record.headers(), RejectionHeaders.REASON),
                    RejectionHeaders.read(record.headers(), RejectionHeaders.SOURCE_TOPIC),
                    RejectionHeaders.read(record.headers(), RejectionHeaders.SOURCE_PARTITION),
                    RejectionHeaders.read(record.headers(), RejectionHeaders.SOURCE_OFFSET)));
            }
        } while (polled > 0);
        return List.copyOf(read);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
