package vn.tthc.monitor.kpi.topology.duplicates;

import java.time.Duration;

/**
 * How long the cross-key duplicate check remembers event ids ({@code tthc.duplicates.*}, docs/ARCHITECTURE.md,
 * "Bounded state").
 *
 * @param eventIdRetention how long after its first delivery an id is kept in {@code event-ids-store}: a repeat under
 *                         another key that comes later than this is no longer recognised, and is counted as an
 *                         unverified id (it may be a repeat) instead
 * @param purgeInterval    how often (wall clock) a batch of the store is looked through for ids past the retention
 * @param purgeBatch       how many ids one purge looks at, at most: the next one goes on where it stopped
 */
public record DuplicateSettings(Duration eventIdRetention, Duration purgeInterval, int purgeBatch) {

    /**
     * 400 days: the longest KPI period is a year, and no statutory time limit of a procedure comes near a year, so a
     * case is closed well within it; the remaining 35 days cover the year's cut-off for final verdicts (10 working days,
     * docs/CONTRACT-NOTES.md) and a producer's late redelivery. Purged every minute, 10,000 ids at a time.
     */
    public static final DuplicateSettings DEFAULTS = new DuplicateSettings(Duration.ofDays(400), Duration.ofMinutes(1), 10_000);

    public DuplicateSettings {
        if (eventIdRetention.isNegative() || eventIdRetention.isZero()) {
            throw new IllegalArgumentException("tthc.duplicates.event-id-retention must be positive: " + eventIdRetention);
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("tthc.duplicates.purge-interval must be positive: " + purgeInterval);
        }
        if (purgeBatch < 1) {
            throw new IllegalArgumentException("tthc.duplicates.purge-batch must be at least 1: " + purgeBatch);
        }
    }
}
