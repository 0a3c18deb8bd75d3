package vn.tthc.monitor.kpi.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code limit} items in an order, kept in bounded memory while the items stream in from a
 * store scan: items in, the first ones sorted out, and whether any was left out.
 */
final class FirstItems<T> {

    private final int limit;
    private final Comparator<T> order;
    /** The worst kept item at the head, so that it is the one dropped when a better one comes. */
    private final PriorityQueue<T> kept;
    private boolean truncated;

    FirstItems(final int limit, final Comparator<T> order) {
        this.limit = limit;
        this.order = order;
        this.kept = new PriorityQueue<>(order.reversed());
    }

    void add(final T item) {
        kept.add(item);
        if (kept.size() > limit) {
            kept.poll();
            truncated = true;
        }
    }

    /** The kept items in order, flagged truncated when some were left out. */
    QueryResult.Found<List<T>> found() {
        final List<T> sorted = new ArrayList<>(kept);
        sorted.sort(order);
        return new QueryResult.Found<>(sorted, truncated);
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }
}
