package vn.tthc.monitor.kpi.topology.verdicts;

import vn.tthc.monitor.contract.verdict.PeriodVerdict;

/** What a {@link VerdictTracker} writes: verdicts, and (own rows) the open counts it reports to the top units. */
sealed interface VerdictOutput {

    /** A verdict or a correction, for the verdicts topic. */
    record Written(PeriodVerdict verdict) implements VerdictOutput {
    }

    /** A unit's open count of an ended period, for the top unit of a subtree that counts it (the record's key). */
    record Reported(OpenCount count) implements VerdictOutput {
    }
}
