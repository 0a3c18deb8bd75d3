package vn.tthc.monitor.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deliveries not yet done, in order per destination (channel and address). A destination whose
 * delivery fails waits with exponential backoff, from {@code firstRetry} doubling up to {@code maxRetry},
 * and its later deliveries wait behind it: a follow-up never overtakes the mail it follows.
 */
public final class DeliveryQueue {

    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<String> toldKeys = new HashSet<>();
    /** When each waiting delivery was added, by key: the queue's age. */
    private final Map<String, Instant> added = new HashMap<>();

    public DeliveryQueue(final Duration firstRetry, final Duration maxRetry) {
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** Adds a delivery unless one with its key is already waiting. */
    public boolean add(final Delivery delivery, final Instant now) {
        if (!keys.add(delivery.idempotencyKey())) {
            return false;
        }
        toldKeys.addAll(delivery.toldKeys());
        added.put(delivery.idempotencyKey(), now);
        destinations.computeIfAbsent(delivery.destination(), d -> new Destination(now)).waiting.add(delivery);
        return true;
    }

    /** Whether a waiting delivery has this key, or tells what this key tells (a member of a grouped delivery). */
    public boolean contains(final String idempotencyKey) {
        return keys.contains(idempotencyKey) || toldKeys.contains(idempotencyKey);
    }

    public int size() {
        return keys.size();
    }

    /** When the delivery that has waited longest was added; empty when nothing waits. */
    public Optional<Instant> oldestAdded() {
        return added.values().stream().min(Comparator.naturalOrder());
    }

    /** The first waiting delivery of every destination that is not backing off at {@code now}. */
    public List<Delivery> due(final Instant now) {
        final List<Delivery> due = new ArrayList<>();
        destinations.values().stream().filter(d -> !d.nextAttempt.isAfter(now)).forEach(d -> due.add(d.waiting.peek()));
        return due;
    }

    public void succeeded(final Delivery delivery, final Instant now) {
        final Destination destination = destinations.get(delivery.destination());
        destination.waiting.remove();
        keys.remove(delivery.idempotencyKey());
        added.remove(delivery.idempotencyKey());
        toldKeys.removeAll(delivery.toldKeys());
        destination.failures = 0;
        destination.nextAttempt = now;
        if (destination.waiting.isEmpty()) {
            destinations.remove(delivery.destination());
        }
    }

    /** Removes the waiting deliveries that {@code match}, keeping the order of the others; returns the removed. */
    public List<Delivery> remove(final Predicate<Delivery> match) {
        final List<Delivery> removed = new ArrayList<>();
        for (final Iterator<Destination> it = destinations.values().iterator(); it.hasNext(); ) {
            final Destination destination = it.next();
            for (final Iterator<Delivery> waiting = destination.waiting.iterator(); waiting.hasNext(); ) {
                final Delivery delivery = waiting.next();
                if (match.test(delivery)) {
                    waiting.remove();
                    removed.add(delivery);
                    keys.remove(delivery.idempotencyKey());
                    added.remove(delivery.idempotencyKey());
                    toldKeys.removeAll(delivery.toldKeys());
                }
            }
            if (destination.waiting.isEmpty()) {
                it.remove();
            }
        }
        return removed;
    }

    /** Backs the destination off; returns how long it waits. */
    public Duration failed(final Delivery delivery, final Instant now) {
        final Destination destination = destinations.get(delivery.destination());
        final Duration wait = backoff(destination.failures);
        destination.failures++;
        destination.nextAttempt = now.plus(wait);
        return wait;
    }

    private Duration backoff(final int failuresBefore) {
        Duration wait = firstRetry;
        for (int i = 0; i < failuresBefore && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    private static final class Destination {
        private final ArrayDeque<Delivery> waiting = new ArrayDeque<>();
        private int failures;
        private Instant nextAttempt;

        private Destination(final Instant now) {
            this.nextAttempt = now;
        }
    }
}
