package vn.tthc.monitor.contract.alert;

/** Where an alert on a KPI row stands. */
public enum AlertState {
    /** The row has just entered breach. */
    RAISED,
    /** The row is still in breach and its value, volume or driving cases changed. */
    UPDATED,
    /** The row has left breach. */
    RESOLVED
}
