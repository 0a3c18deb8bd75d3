package vn.tthc.monitor.kpi.topology;

import java.time.Instant;

/**
 * What the verdict stage learns from the forecast stage, in the task of the unit's rows (the record's key): one of
 * the unit's open cases, as the forecast stage keeps them in {@link StoreCatalog#FORECAST_CASES_STORE}, counts open
 * under {@code receivedAt} from now on ({@code open}), or no longer counts under the {@code receivedAt} it was kept
 * with. {@code receivedAt} is null for a case kept without its reception time (before the forecast stage kept them).
 */
public record OpenCaseChange(boolean open, Instant receivedAt) {
}
