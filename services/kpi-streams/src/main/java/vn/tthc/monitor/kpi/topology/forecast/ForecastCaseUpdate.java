package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Instant;
import vn.tthc.monitor.contract.kpi.ForecastCase;

/**
 * A change of one open case as the forecast sees it, on the repartition topic keyed by its unit: the case is
 * open in {@code fieldId} with its effective due time and whether it waits on the citizen, or ({@code open}
 * false) it is no longer open in that unit and field: {@code resolvedOrWithdrawn} when a resolution or a
 * withdrawal closed it (the rows count it too, through the other repartition), else its reception moved it
 * elsewhere or was taken out. {@code receivedAt}: the time of the open case's counted reception, kept with it in
 * {@link vn.tthc.monitor.kpi.topology.StoreCatalog#FORECAST_CASES_STORE} for the verdict stage (which period's cases
 * are all closed); null in a closing (the verdict stage takes back the reception time the case was kept with), and
 * in records written before it was added.
 */
public record ForecastCaseUpdate(String caseId, String fieldId, Instant effectiveDue, boolean waitingOnCitizen,
                                 boolean open, boolean resolvedOrWithdrawn, Instant receivedAt) {

    /** An update without its reception time, as records written before it was added read. */
    public ForecastCaseUpdate(final String caseId, final String fieldId, final Instant effectiveDue,
                              final boolean waitingOnCitizen, final boolean open, final boolean resolvedOrWithdrawn) {
        this(caseId, fieldId, effectiveDue, waitingOnCitizen, open, resolvedOrWithdrawn, null);
    }

    static ForecastCaseUpdate closed(final String caseId, final String fieldId, final boolean resolvedOrWithdrawn) {
        return new ForecastCaseUpdate(caseId, fieldId, null, false, false, resolvedOrWithdrawn, null);
    }

    ForecastCase forecastCase() {
        return new ForecastCase(caseId, effectiveDue, waitingOnCitizen, receivedAt);
    }
}
