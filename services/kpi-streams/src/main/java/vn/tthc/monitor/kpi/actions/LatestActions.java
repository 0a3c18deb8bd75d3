package vn.tthc.monitor.kpi.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * The list of current corrective actions: the latest recorded first (by the time of the last event, then by alert
 * key), at most a maximum. Each instance keeps its newest ({@link #newest}), and the instance asked merges those
 * ({@link #merged}): the merge is then the newest of all, and it says it was cut when an instance's list or the
 * whole was.
 */
final class LatestActions {

    /** The latest recorded first. */
    static final Comparator<CorrectiveAction> ORDER = Comparator.comparing(LatestActions::lastAt).reversed()
        .thenComparing(action -> AlertKeys.text(action.alertKey()));

    private LatestActions() {
    }

    /** The first {@code max} of {@code actions} in {@link #ORDER}; truncated when there were more. */
    static QueryResult.Found<List<CorrectiveAction>> newest(final Iterator<CorrectiveAction> actions, final int max) {
        // the last in ORDER at the head: each action past the maximum pushes the oldest kept out
        final PriorityQueue<CorrectiveAction> kept = new PriorityQueue<>(ORDER.reversed());
        boolean truncated = false;
        while (actions.hasNext()) {
            kept.add(actions.next());
            if (kept.size() > max) {
                kept.poll();
                truncated = true;
            }
        }
        final List<CorrectiveAction> first = new ArrayList<>(kept);
        first.sort(ORDER);
        return new QueryResult.Found<>(List.copyOf(first), truncated);
    }

    /** The first {@code max} of every instance's list in {@link #ORDER}; truncated when one of them or the whole was. */
    static QueryResult.Found<List<CorrectiveAction>> merged(final List<QueryResult.Found<List<CorrectiveAction>>> parts,
                                                           final int max) {
        final List<CorrectiveAction> all = new ArrayList<>();
        boolean truncated = false;
        for (final QueryResult.Found<List<CorrectiveAction>> part : parts) {
            all.addAll(part.value());
            truncated |= part.truncated();
        }
        final QueryResult.Found<List<CorrectiveAction>> first = newest(all.iterator(), max);
        return new QueryResult.Found<>(first.value(), truncated || first.truncated());
    }

    private static Instant lastAt(final CorrectiveAction action) {
        return action.events().get(action.events().size() - 1).at();
    }
}
