package vn.tthc.monitor.gateway.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The eventIds the gateway accepted recently and the source of each, bounded in size and age: a
 * courtesy answer {@code duplicate} to senders that re-send, and a refusal of an id another source
 * sent first. kpi-streams deduplicates authoritatively; this
 * memory is lost at restart and is not shared between gateway instances.
 */
public final class RecentEventIds {

    private final Cache<String, String> ids;

    public RecentEventIds(final long maximumSize, final Duration retention) {
        this.ids = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(retention).build();
    }

    /**
     * Claims an id for writing by a source: {@code null} when claimed now, else the source that
     * holds the claim (the same one: a duplicate; another one: the id is that source's).
     */
    public String claim(final String eventId, final String source) {
        return ids.asMap().putIfAbsent(eventId, source);
    }

    /** Gives a claim back when its event could not be written, so a re-send is not taken for a duplicate. */
    public void release(final String eventId, final String source) {
        ids.asMap().remove(eventId, source);
    }
}
