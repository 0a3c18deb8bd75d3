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
 * warning key, value = JSON {@link Ledger.Entry}. Read whole on start, then followed, so that what another
 * notifier delivers is known here too; every record is also kept in memory. Not thread-safe: the loop's thread
 * uses it.
 */
public final class LedgerTopic implements Ledger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerTopic.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Set<String> keys;

    private LedgerTopic(final String topic, final KafkaConsumer<String, byte[]> consumer,
                        final KafkaProducer<String, byte[]> producer, final Set<String> keys) {
        this.topic = topic;
        this.consumer = consumer;
        this.producer = producer;
        this.keys = keys;
    }

    /**
     * Reads the topic to its end with {@code consumer}, which it keeps to follow the topic (and closes), then appends
     * to it with {@code producer}.
     */
    public static LedgerTopic load(final String topic, final KafkaConsumer<String, byte[]> consumer,
                                   final KafkaProducer<String, byte[]> producer) {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        final Set<String> keys = new HashSet<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            apply(consumer.poll(Duration.ofMillis(200)), keys);
        }
        LOG.info("read {} ledger entries from {}", keys.size(), topic);
        return new LedgerTopic(topic, consumer, producer, keys);
    }

    private static void apply(final Iterable<ConsumerRecord<String, byte[]>> records, final Set<String> keys) {
        for (final ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                keys.remove(record.key());
            } else {
                keys.add(record.key());
            }
        }
    }

    /** Takes in what was appended since (by this notifier or another), without waiting. */
    public void follow() {
        apply(consumer.poll(Duration.ZERO), keys);
    }

    /** Where the topic ends now: once {@link #hasRead} them, this ledger knows everything appended before. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(consumer.assignment());
    }

    /** Whether this ledger has read up to {@code offsets} (from {@link #endOffsets}). */
    public boolean hasRead(final Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
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

    /** Waits until every append is on the broker, so that a notifier taking over a unit reads it. */
    @Override
    public void flush() {
        producer.flush();
    }

    public int size() {
        return keys.size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
