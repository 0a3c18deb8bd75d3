package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Instant;
import vn.tthc.monitor.contract.kpi.ForecastCase;

/**
 * A change of one open case as the forecast sees it, on the repartition topic keyed by its unit: the case is
 * open in {@code fieldId} with its effective due time and whether it waits on the citizen, or ({@code open}
 * false) it is no longer open in that unit and field: {@code resolvedOrWithdrawn} when a resolution or a
 * withdrawal closed it (the rows count it too, through the other repartition), else its reception moved it
 * elsewhere or was taken out. {@code receivedAt} is the time of the case's counted reception, for the verdict stage
 * (which period's cases are all closed); null in records written before it was added.
 */
public record ForecastCaseUpdate(String caseId, String fieldId, Instant effectiveDue, boolean waitingOnCitizen,
                                 boolean open, boolean resolvedOrWithdrawn, Instant receivedAt) {

    /** An update without its reception time, as records written before it was added read. */
    public ForecastCaseUpdate(final String caseId, final String fieldId, final Instant effectiveDue,
                              final boolean waitingOnCitizen, final boolean open, final boolean resolvedOrWithdrawn) {
        this(caseId, fieldId, effectiveDue, waitingOnCitizen, open, resolvedOrWithdrawn, null);
    }

    static ForecastCaseUpdate closed(final String caseId, final String fieldId, final boolean resolvedOrWithdrawn,
                                     final Instant receivedAt) {
        return new ForecastCaseUpdate(caseId, fieldId, null, false, false, resolvedOrWithdrawn, receivedAt);
    }

    ForecastCase forecastCase() {
        return new ForecastCase(caseId, effectiveDue, waitingOnCitizen);
    }
}
