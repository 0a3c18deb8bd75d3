package vn.tthc.monitor.contract.event;

/** The outcome of a resolved case. */
public enum CaseResult {
    APPROVED,
    DENIED
}
