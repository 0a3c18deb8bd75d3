package vn.tthc.monitor.notifier.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of case warnings read but not yet settled (told in a delivered digest, or known to need
 * nothing). The committed offset of a partition never passes its first unsettled warning, so a restart
 * reads again every warning whose digest was not delivered.
 */
final class WarningOffsets {

    private record Position(TopicPartition partition, long offset) {
    }

    private final Map<TopicPartition, TreeMap<Long, String>> unsettled = new HashMap<>();
    private final Map<String, List<Position>> byKey = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    void read(final TopicPartition partition, final long offset, final String key) {
        unsettled.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, key);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Position(partition, offset));
    }

    void settled(final String key) {
        final List<Position> positions = byKey.remove(key);
        if (positions != null) {
            positions.forEach(p -> unsettled.get(p.partition()).remove(p.offset()));
        }
    }

    /**
     * What to commit for {@code partitions}: the first unsettled offset, or the consumer's position when
     * all is settled; only where that moved since the last commit.
     */
    Map<TopicPartition, OffsetAndMetadata> toCommit(final Iterable<TopicPartition> partitions,
                                                    final ToLongFunction<TopicPartition> position) {
        final Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (final TopicPartition partition : partitions) {
            final TreeMap<Long, String> open = unsettled.get(partition);
            final long offset = open == null || open.isEmpty() ? position.applyAsLong(partition) : open.firstKey();
            if (!Long.valueOf(offset).equals(committed.get(partition))) {
                commit.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return commit;
    }

    void committed(final Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }
}
