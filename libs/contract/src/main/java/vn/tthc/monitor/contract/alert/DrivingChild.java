package vn.tthc.monitor.contract.alert;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A child unit that drives an alert on a subtree row (EVENTS.md section 6): {@code bad} of the row's bad
 * outcomes (late cases, dissatisfied ratings, non-online receptions, late feedback) are in its subtree.
 */
public record DrivingChild(String unitId, long bad) {

    /** How many children an alert names. */
    public static final int MAX = 3;

    /**
     * The children that drive a subtree row's KPI: the {@value #MAX} with the largest share of its bad outcomes
     * (the most bad outcomes in their subtrees), worst first, ties by unit id; a child without any is not named.
     *
     * @param badByChild each child's bad outcomes of the KPI in the row's field and period
     */
    public static List<DrivingChild> worst(final Map<String, Long> badByChild) {
        return badByChild.entrySet().stream()
            .filter(child -> child.getValue() > 0)
            .map(child -> new DrivingChild(child.getKey(), child.getValue()))
            .sorted(Comparator.comparingLong(DrivingChild::bad).reversed().thenComparing(DrivingChild::unitId))
            .limit(MAX)
            .toList();
    }
}
