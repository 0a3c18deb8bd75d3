package vn.tthc.monitor.contract.cases;

import java.time.Instant;
import vn.tthc.monitor.contract.event.CaseResult;

/** The event that closed a case: the first resolution or withdrawal in case order. */
public sealed interface Closing {

    Instant at();

    /**
     * The case was resolved at {@code at}, judged at {@code judgedAt} (the request time when a
     * supplement request was still open), with {@code extended} when an apology letter preceded it.
     */
    record Resolution(Instant at, Instant judgedAt, CaseResult result, Classification classification,
                      boolean extended) implements Closing {
    }

    /** The citizen withdrew the case: it leaves the on-time KPI. */
    record Withdrawal(Instant at) implements Closing {
    }
}
