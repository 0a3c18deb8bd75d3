package vn.tthc.monitor.kpi.topology.duplicates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.topology.CountsBySource;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Keyed by {@code eventId}: sees every delivery of an id that was counted in the KPIs, whatever
 * its key. The first is the one kept. A later one cannot be of the first one's entity (there it would
 * have been dropped as a repeat), so it is forwarded, keyed by its entity's id, to be taken out
 * where it was counted.
 *
 * <p>An id is kept for {@link DuplicateSettings#eventIdRetention()} after its first delivery (wall clock): a
 * wall-clock punctuator looks through {@link DuplicateSettings#purgeBatch()} ids at a time, going on where the
 * last one stopped, and deletes those past it; the latest first-seen time purged is kept in the store under
 * {@link #PURGED_THROUGH} (a control character, which no event id has: EVENTS.md section 1). An event is delivered
 * after it occurred, so an event not found whose {@code occurredAt} is after that time (plus {@link #clockAllowance})
 * cannot repeat an id purged; one that is not after it may: it stays counted (it is most likely a late event of an old
 * case), and is counted per source in {@link StoreCatalog#UNVERIFIED_ID_COUNTS_STORE} and logged (the first of each
 * purge interval with its id, the others of the interval as a number: a backfill of old events logs a line a minute).
 */
final class CrossKeyDuplicateFinder implements Processor<String, Event, String, Event> {

    /** The key of the latest first-seen time purged (epoch millis); absent while nothing was purged. */
    static final String PURGED_THROUGH = "\u0000purged-through";
    /** How far a case system's clock may be ahead of the one that stored the first delivery, at most. */
    private static final Duration CLOCK_ALLOWANCE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(CrossKeyDuplicateFinder.class);

    private final DuplicateSettings settings;
    /** {@link #CLOCK_ALLOWANCE}, or a quarter of the retention when that is shorter (tests with a short retention). */
    private final Duration clockAllowance;
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Long> seenEventIds;
    private CountsBySource unverified;
    /** Events at or before this may repeat an id purged; null while nothing was purged. */
    private Instant uncheckedThrough;
    /** Where the next purge starts; null: at the beginning. */
    private String nextToLookAt;
    /** Unverified ids since the last purge, the first of them logged. */
    private long unverifiedSinceLastPurge;

    CrossKeyDuplicateFinder(final DuplicateSettings settings) {
        this.settings = settings;
        final Duration quarter = settings.eventIdRetention().dividedBy(4);
        this.clockAllowance = quarter.compareTo(CLOCK_ALLOWANCE) < 0 ? quarter : CLOCK_ALLOWANCE;
    }

    @Override
    public void init(final ProcessorContext<String, Event> context) {
        this.context = context;
        this.seenEventIds = context.getStateStore(StoreCatalog.EVENT_IDS_STORE);
        this.unverified = new CountsBySource(context.getStateStore(StoreCatalog.UNVERIFIED_ID_COUNTS_STORE));
        final Long purgedThrough = seenEventIds.get(PURGED_THROUGH);
        this.uncheckedThrough = purgedThrough == null ? null : Instant.ofEpochMilli(purgedThrough).plus(clockAllowance);
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(final Record<String, Event> record) {
        if (seenEventIds.putIfAbsent(record.key(), context.currentSystemTimeMs()) != null) {
            context.forward(record.withKey(record.value().key()));
        } else if (uncheckedThrough != null && !record.value().occurredAt().isAfter(uncheckedThrough)) {
            unverified.increment(record.value().source());
            if (unverifiedSinceLastPurge++ == 0) {
                LOG.warn("event {} of {} ({}, occurred {}) may repeat an id forgotten after {}: counted, not checked",
                    record.key(), record.value().key(), record.value().type().wireName(), record.value().occurredAt(),
                    settings.eventIdRetention());
            }
        }
    }

    /** Deletes the ids of the next batch first seen longer than the retention ago. */
    private void purge(final long now) {
        if (unverifiedSinceLastPurge > 1) {
            LOG.warn("{} more events may repeat an id forgotten after {}: counted, not checked ({})",
                unverifiedSinceLastPurge - 1, settings.eventIdRetention(), StoreCatalog.UNVERIFIED_ID_COUNTS_STORE);
        }
        unverifiedSinceLastPurge = 0;
        final long horizon = now - settings.eventIdRetention().toMillis();
        final List<String> expired = new ArrayList<>();
        long newestExpired = Long.MIN_VALUE;
        try (KeyValueIterator<String, Long> ids = nextToLookAt == null ? seenEventIds.all()
            : seenEventIds.range(nextToLookAt, null)) {
            int looked = 0;
            while (ids.hasNext() && looked < settings.purgeBatch()) {
                final KeyValue<String, Long> id = ids.next();
                looked++;
                if (!id.key.equals(PURGED_THROUGH) && id.value < horizon) {
                    expired.add(id.key);
                    newestExpired = Math.max(newestExpired, id.value);
                }
            }
            nextToLookAt = ids.hasNext() ? ids.peekNextKey() : null;
        }
        if (expired.isEmpty()) {
            return;
        }
        expired.forEach(seenEventIds::delete);
        final Long before = seenEventIds.get(PURGED_THROUGH);
        final long purgedThrough = before == null ? newestExpired : Math.max(before, newestExpired);
        seenEventIds.put(PURGED_THROUGH, purgedThrough);
        uncheckedThrough = Instant.ofEpochMilli(purgedThrough).plus(clockAllowance);
    }
}
