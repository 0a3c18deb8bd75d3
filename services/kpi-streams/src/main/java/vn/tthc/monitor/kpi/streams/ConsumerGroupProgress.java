package vn.tthc.monitor.kpi.streams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application has got through its source topics: the events topic and
 * its own repartition topics ({@code <application.id>-*-repartition}), from the group's committed
 * offsets and the topics' end offsets. With exactly-once, offsets commit in the same transaction
 * as the records they produce, so "no lag on any source topic" means every event is processed.
 */
public final class ConsumerGroupProgress {

    /** Offsets of one moment: what the events topic holds, what is committed of it, and the lag over all sources. */
    public record Snapshot(long eventsEnd, long eventsCommitted, long totalLag) {
        public boolean isDone() {
            return totalLag == 0;
        }
    }

    private final Admin admin;
    private final String applicationId;
    private final String eventsTopic;

    public ConsumerGroupProgress(final Admin admin, final String applicationId, final String eventsTopic) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.eventsTopic = eventsTopic;
    }

    public Snapshot snapshot() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        final Map<TopicPartition, Long> ends = endOffsets(sourcePartitions());
        long eventsEnd = 0;
        long eventsCommitted = 0;
        long lag = 0;
        for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            final OffsetAndMetadata offset = committed.get(end.getKey());
            final long position = offset == null ? 0 : offset.offset();
            lag += Math.max(0, end.getValue() - position);
            if (end.getKey().topic().equals(eventsTopic)) {
                eventsEnd += end.getValue();
                eventsCommitted += Math.min(position, end.getValue());
            }
        }
        return new Snapshot(eventsEnd, eventsCommitted, lag);
    }

    private List<TopicPartition> sourcePartitions() throws ExecutionException, InterruptedException {
        final List<String> topics = admin.listTopics().names().get().stream()
            .filter(name -> name.equals(eventsTopic)
                || name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
            .toList();
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
            .flatMap((TopicDescription topic) -> topic.partitions().stream()
                .map(partition -> new TopicPartition(topic.name(), partition.partition())))
            .toList();
    }

    private Map<TopicPartition, Long> endOffsets(final List<TopicPartition> partitions)
        throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        final Map<TopicPartition, Long> ends = new HashMap<>();
        for (final Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
            : admin.listOffsets(latest).all().get().entrySet()) {
            ends.put(end.getKey(), end.getValue().offset());
        }
        return ends;
    }
}
