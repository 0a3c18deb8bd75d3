package vn.tthc.monitor.contract.kpi;

import java.time.Instant;
import vn.tthc.monitor.contract.cases.OpenCase;

/** An open case of a row as the end-of-period forecast sees it: its effective due time and whether it waits on the citizen. */
public record ForecastCase(String caseId, Instant effectiveDue, boolean waitingOnCitizen) {

    public static ForecastCase of(final OpenCase open) {
        return new ForecastCase(open.caseId(), open.effectiveDue(), open.waitingOnCitizen());
    }
}
