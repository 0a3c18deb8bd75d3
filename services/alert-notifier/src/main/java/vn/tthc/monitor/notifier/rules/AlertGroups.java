package vn.tthc.monitor.notifier.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.delivery.NotificationKind;

/**
 * Alerts of one unit waiting to be told together: the raises in one group, the resolves in another.
 * A group is due one {@code window} after its first alert arrived (a fixed window, so no alert waits
 * longer than that); an alert arriving again while it waits replaces its earlier state.
 */
public final class AlertGroups {

    /** The alerts of one unit told together, in the order they arrived. */
    public record Group(NotificationKind kind, String unitId, List<KpiAlert> alerts) {
    }

    private final Duration window;
    private final Map<GroupKey, Waiting> waiting = new LinkedHashMap<>();

    public AlertGroups(final Duration window) {
        this.window = window;
    }

    /** Adds the alert to its unit's waiting group of this kind, opening the group at {@code now} if there is none. */
    public void add(final NotificationKind kind, final KpiAlert alert, final Instant now) {
        waiting.computeIfAbsent(new GroupKey(kind, alert.unitId()), k -> new Waiting(now)).alerts.put(alert.key(), alert);
    }

    /** Takes the alert out of its unit's waiting group of this kind, if it is there. */
    public void remove(final NotificationKind kind, final KpiAlert alert) {
        final GroupKey key = new GroupKey(kind, alert.unitId());
        final Waiting group = waiting.get(key);
        if (group != null && group.alerts.remove(alert.key()) != null && group.alerts.isEmpty()) {
            waiting.remove(key);
        }
    }

    /**
     * The groups of the units {@code owned} whose window is over at {@code now}, raises before resolves; they stop
     * waiting. A group of a unit another notifier owns keeps waiting: should that notifier die, this one tells it.
     */
    public List<Group> due(final Instant now, final Predicate<String> owned) {
        final List<Group> due = new ArrayList<>();
        for (final Iterator<Map.Entry<GroupKey, Waiting>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            final Map.Entry<GroupKey, Waiting> group = it.next();
            if (!group.getValue().opened.plus(window).isAfter(now) && owned.test(group.getKey().unitId())) {
                due.add(new Group(group.getKey().kind(), group.getKey().unitId(),
                    List.copyOf(group.getValue().alerts.values())));
                it.remove();
            }
        }
        due.sort(Comparator.comparing(Group::kind));
        return due;
    }

    public int waitingAlerts() {
        return waiting.values().stream().mapToInt(w -> w.alerts.size()).sum();
    }

    private record GroupKey(NotificationKind kind, String unitId) {
    }

    private static final class Waiting {
        private final Map<List<String>, KpiAlert> alerts = new LinkedHashMap<>();
        private final Instant opened;

        private Waiting(final Instant opened) {
            this.opened = opened;
        }
    }
}
