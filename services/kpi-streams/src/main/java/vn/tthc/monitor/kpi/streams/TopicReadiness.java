package vn.tthc.monitor.kpi.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until the leader of every partition of some topics answers. A producer that writes to a
 * partition the moment it is created can meet NOT_LEADER_OR_FOLLOWER on its first batch while a
 * later one is appended, and with several requests in flight it then meets an out-of-order
 * sequence it never recovers from.
 */
public final class TopicReadiness {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

    private TopicReadiness() {
    }

    public static void awaitWritable(final Admin admin, final List<String> topics) throws InterruptedException {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(latest).all().get();
                return;
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " are not writable: " + e.getCause().getMessage(),
                        e.getCause());
                }
                Thread.sleep(RETRY_BACKOFF.toMillis());
            }
        }
    }
}
