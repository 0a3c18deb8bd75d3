package vn.tthc.monitor.kpi.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses sign-in attempts after too many failures, before the password is even checked (a bcrypt check costs tens
 * of milliseconds of CPU, so a flood of guesses is also a flood of work): {@value #MAX_PER_USER} failures for one
 * username from one client address, or {@value #MAX_PER_ADDRESS} from one address whatever the usernames, within
 * {@link #WINDOW} of the first of them lock that pair (or that address) until the window ends. The client address
 * is the TCP peer, never a header a client writes. Memory is bounded: at most {@value #MAX_ENTRIES} counters are
 * kept; beyond that the expired ones go first, then arbitrary ones.
 */
final class SignInThrottle {

    static final int MAX_PER_USER = 5;
    static final int MAX_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(final Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for {@code username} from {@code address} is refused without checking its password. */
    boolean locked(final String username, final String address) {
        final Instant now = clock.instant();
        return reached(userKey(username, address), MAX_PER_USER, now) || reached(addressKey(address), MAX_PER_ADDRESS, now);
    }

    /** Counts a failed attempt. */
    void failed(final String username, final String address) {
        final Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            evict(now);
        }
        failures.compute(userKey(username, address), (key, old) -> Failures.after(old, now));
        failures.compute(addressKey(address), (key, old) -> Failures.after(old, now));
    }

    /** Forgets the failures of {@code username} from {@code address} (not those of the address as a whole). */
    void succeeded(final String username, final String address) {
        failures.remove(userKey(username, address));
    }

    int size() {
        return failures.size();
    }

    private boolean reached(final String key, final int limit, final Instant now) {
        final Failures counted = failures.get(key);
        return counted != null && !counted.expired(now) && counted.count() >= limit;
    }

    private void evict(final Instant now) {
        failures.values().removeIf(counted -> counted.expired(now));
        final Iterator<String> keys = failures.keySet().iterator();
        while (failures.size() > MAX_ENTRIES / 2 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static String userKey(final String username, final String address) {
        return "user\u0000" + username.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }

    private static String addressKey(final String address) {
        return "address\u0000" + address;
    }

    /** The failures counted since {@code since}. */
    private record Failures(int count, Instant since) {

        static Failures after(final Failures old, final Instant now) {
            return old == null || old.expired(now) ? new Failures(1, now) : new Failures(old.count + 1, old.since);
        }

        boolean expired(final Instant now) {
            return !now.isBefore(since.plus(WINDOW));
        }
    }
}
