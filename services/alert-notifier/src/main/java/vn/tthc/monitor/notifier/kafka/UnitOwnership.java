package vn.tthc.monitor.notifier.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which units this notifier tells (docs/NOTIFIER.md, Two or more instances). The notifiers share the consumer group
 * of the case warnings; a unit belongs to the one the group gives partition {@code murmur2(unit) mod P} of the
 * case-warnings topic ({@code P} its partition count, Kafka's hash of keys). A partition assigned here counts only
 * once the ledger has been read up to where it ended at the assignment: the deliveries of the notifier that held it
 * before (flushed when it gave the partition up) are then known, and none is told twice. Changed on the loop's thread;
 * read from any thread (metrics, health).
 */
public final class UnitOwnership {

    private final int partitions;
    private volatile Set<Integer> owned = Set.of();
    /** Partitions assigned but not yet owned: the ledger end offsets to read first. */
    private final Map<Integer, Map<TopicPartition, Long>> waitingForLedger = new HashMap<>();

    /** @param partitions the case-warnings topic's partition count */
    public UnitOwnership(final int partitions) {
        this.partitions = partitions;
    }

    /** The partition a unit belongs to. */
    public int partitionOf(final String unitId) {
        return Utils.toPositive(Utils.murmur2(unitId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Whether this notifier tells the unit now. */
    public boolean owns(final String unitId) {
        return owned.contains(partitionOf(unitId));
    }

    /** Partitions given to this notifier; owned once the ledger has read up to {@code ledgerEnd}. */
    void assigned(final Collection<TopicPartition> assigned, final Map<TopicPartition, Long> ledgerEnd) {
        assigned.forEach(partition -> waitingForLedger.put(partition.partition(), ledgerEnd));
    }

    /** Partitions taken away (given to another notifier, or lost with the group). */
    void revoked(final Collection<TopicPartition> revoked) {
        final Set<Integer> left = new TreeSet<>(owned);
        revoked.forEach(partition -> {
            left.remove(partition.partition());
            waitingForLedger.remove(partition.partition());
        });
        owned = Set.copyOf(left);
    }

    /** Owns the assigned partitions whose ledger end {@code hasRead} says is read. */
    void takeOver(final Predicate<Map<TopicPartition, Long>> hasRead) {
        if (waitingForLedger.isEmpty()) {
            return;
        }
        final Set<Integer> now = new TreeSet<>(owned);
        for (final Iterator<Map.Entry<Integer, Map<TopicPartition, Long>>> it = waitingForLedger.entrySet().iterator();
             it.hasNext(); ) {
            final Map.Entry<Integer, Map<TopicPartition, Long>> waiting = it.next();
            if (hasRead.test(waiting.getValue())) {
                now.add(waiting.getKey());
                it.remove();
            }
        }
        owned = Set.copyOf(now);
    }

    /** The partitions owned, in order. */
    public List<Integer> ownedPartitions() {
        return List.copyOf(new TreeSet<>(owned));
    }

    /** How many partitions the units are spread over. */
    public int partitions() {
        return partitions;
    }
}
