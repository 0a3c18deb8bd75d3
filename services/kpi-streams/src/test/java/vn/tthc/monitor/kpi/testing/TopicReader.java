package vn.tthc.monitor.kpi.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.tthc.monitor.testing.TestKafkaCluster;

/** Reads a topic of the shared test broker from the start, read_committed, keeping what it read between calls. */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<V> values = new ArrayList<>();

    public TopicReader(final String topic, final Deserializer<V> valueDeserializer) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer);
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, after one more poll. */
    public List<V> values() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
        return List.copyOf(values);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
