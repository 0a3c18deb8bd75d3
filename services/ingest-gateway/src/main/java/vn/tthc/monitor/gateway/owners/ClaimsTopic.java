package vn.tthc.monitor.gateway.owners;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity owners topic (compacted, created at start when missing): written with {@link Claim}s
 * and with the tombstones of claims that lost, each record to the partition of its entity, by the
 * gateway's idempotent producer ({@code acks=all}), the one that writes the events.
 */
public final class ClaimsTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsTopic.class);

    private final Producer<byte[], byte[]> producer;
    private final String name;

    /** What the gateway needs to know of the topic: its id (a store made from another is rebuilt) and partitions. */
    public record Description(String topicId, int partitions) {
    }

    public ClaimsTopic(final Producer<byte[], byte[]> producer, final String name) {
        this.producer = producer;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates the topic, compacted, when it is missing (an existing one is left as it is), and describes it. */
    public Description ensure(final Admin admin, final int partitions, final short replicationFactor)
        throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get(10, TimeUnit.SECONDS);
            LOG.info("created the entity owners topic {} (compacted, {} partitions)", name, partitions);
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        final TopicDescription topic = admin.describeTopics(List.of(name)).allTopicNames()
            .get(10, TimeUnit.SECONDS).get(name);
        return new Description(topic.topicId().toString(), topic.partitions().size());
    }

    /** Writes a claim; completes when the broker has acknowledged it. */
    public CompletableFuture<Void> append(final Claim claim, final int partitions) {
        return send(claim.partition(partitions), claim.key(), claim.value());
    }

    /** Deletes a claim that lost (a tombstone of its key): compaction then never leaves it below a later claim of the owner. */
    public CompletableFuture<Void> delete(final Claim claim, final int partitions) {
        return send(claim.partition(partitions), claim.key(), null);
    }

    private CompletableFuture<Void> send(final int partition, final byte[] key, final byte[] value) {
        final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(name, partition, key, value), (metadata, e) -> {
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
