package vn.tthc.monitor.ingest.client.event;

/** The outcome of a resolved case. */
public enum CaseResult {
    APPROVED,
    DENIED
}
