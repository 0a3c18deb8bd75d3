package vn.tthc.monitor.contract.cases;

/** How a resolved case is judged against its effective due time (EVENTS.md section 2). */
public enum Classification {
    /** trước hạn: resolved on a local date before the due date. */
    EARLY,
    /** đúng hạn: resolved on the due date, not after the due time. */
    ON_TIME,
    /** trễ hạn: resolved after the due time. */
    LATE
}
