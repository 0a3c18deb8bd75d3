package vn.tthc.monitor.contract.cases;

/** Where a case stands at a given moment. */
public enum CaseStatus {
    /** Events arrived but no {@code case.received}: the case enters no KPI. */
    NOT_RECEIVED,
    /** đang xử lý, within its due time. */
    IN_PROGRESS,
    /** Open, with a supplement request open: the clock stands still. */
    WAITING_ON_CITIZEN,
    /** đang xử lý quá hạn: open, past its effective due time, not waiting on the citizen. */
    OVERDUE,
    /** đã xử lý xong. */
    RESOLVED,
    /** công dân rút hồ sơ. */
    WITHDRAWN
}
