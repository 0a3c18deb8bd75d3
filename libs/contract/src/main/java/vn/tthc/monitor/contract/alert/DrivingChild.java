package vn.tthc.monitor.contract.alert;

/**
 * A child unit that drives an alert on a subtree row (EVENTS.md section 6): {@code bad} of the row's bad
 * outcomes (late cases, dissatisfied ratings, non-online receptions, late feedback) are in its subtree.
 */
public record DrivingChild(String unitId, long bad) {
}
