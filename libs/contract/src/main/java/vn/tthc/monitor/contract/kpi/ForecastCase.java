package vn.tthc.monitor.contract.kpi;

import java.time.Instant;

/**
 * An open case of a row as the end-of-period forecast sees it: its effective due time and whether it waits on the
 * citizen; and the time of its counted reception, which the verdict stage counts it open under (which period's cases
 * are all closed), null when it was kept before the forecast stage kept reception times.
 */
public record ForecastCase(String caseId, Instant effectiveDue, boolean waitingOnCitizen, Instant receivedAt) {
}
