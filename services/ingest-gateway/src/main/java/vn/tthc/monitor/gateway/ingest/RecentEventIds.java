package vn.tthc.monitor.gateway.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The eventIds the gateway accepted recently, bounded in size and age: a courtesy answer
 * {@code duplicate} to senders that re-send. kpi-streams deduplicates authoritatively; this
 * memory is lost at restart and is not shared between gateway instances.
 */
public final class RecentEventIds {

    private final Cache<String, Boolean> ids;

    public RecentEventIds(final long maximumSize, final Duration retention) {
        this.ids = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(retention).build();
    }

    /** Claims an id for writing: {@code false} if it is already claimed (a duplicate). */
    public boolean claim(final String eventId) {
        return ids.asMap().putIfAbsent(eventId, Boolean.TRUE) == null;
    }

    /** Gives a claim back when its event could not be written, so a re-send is not taken for a duplicate. */
    public void release(final String eventId) {
        ids.invalidate(eventId);
    }
}
