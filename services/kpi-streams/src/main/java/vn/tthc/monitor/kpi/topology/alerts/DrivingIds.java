package vn.tthc.monitor.kpi.topology.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases (or feedback ids) most recently counted against one KPI of one row, newest first, at
 * most {@link #MAX}: what an alert names as having driven it. A correction that stops counting a
 * case against the KPI takes it out.
 */
public record DrivingIds(List<String> ids) {

    public static final int MAX = 20;
    public static final DrivingIds NONE = new DrivingIds(List.of());

    public DrivingIds {
        ids = List.copyOf(ids);
    }

    /** {@code againstChange} cases of {@code entityId} more (positive) or fewer (negative) counted against the KPI. */
    public DrivingIds apply(final String entityId, final long againstChange) {
        if (againstChange == 0) {
            return this;
        }
        final List<String> updated = new ArrayList<>(ids);
        updated.remove(entityId);
        if (againstChange > 0) {
            updated.add(0, entityId);
        }
        return new DrivingIds(updated.subList(0, Math.min(MAX, updated.size())));
    }
}
