package vn.tthc.monitor.notifier.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.notifier.delivery.Ledger;

/**
 * The ledger kept in the compacted {@code tthc-notifications} topic: key = idempotency key or
 * warning key, value = JSON {@link Ledger.Entry}. Read whole on start; every record is also kept in memory.
 */
public final class LedgerTopic implements Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerTopic.class);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Set<String> keys;

    private LedgerTopic(final String topic, final KafkaProducer<String, byte[]> producer, final Set<String> keys) {
        this.topic = topic;
        this.producer = producer;
        this.keys = keys;
    }

    /** Reads the topic to its end, then appends to it with {@code producer}. */
    public static LedgerTopic load(final String topic, final KafkaConsumer<String, byte[]> consumer,
                                   final KafkaProducer<String, byte[]> producer) {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        final Set<String> keys = new HashSet<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    keys.remove(record.key());
                } else {
                    keys.add(record.key());
                }
            }
        }
        LOG.info("read {} ledger entries from {}", keys.size(), topic);
        return new LedgerTopic(topic, producer, keys);
    }

    @Override
    public boolean contains(final String key) {
        return keys.contains(key);
    }

    /**
     * Keeps the key in memory at once and appends it to the topic; the producer retries on its own.
     * Should the append still fail, the next start does not know the key and delivers once more.
     */
    @Override
    public void record(final String key, final Entry entry) {
        keys.add(key);
        try {
            producer.send(new ProducerRecord<>(topic, key, ContractJson.mapper().writeValueAsBytes(entry)),
                (metadata, error) -> {
                    if (error != null) {
                        LOG.error("cannot append {} to the ledger {}: {}", key, topic, error.getMessage());
                    }
                });
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a ledger entry is always JSON", e);
        }
    }

    public int size() {
        return keys.size();
    }
}
