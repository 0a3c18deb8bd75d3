package vn.tthc.monitor.kpi.topology.verdicts;

import java.time.Instant;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.verdict.PeriodVerdict.FinalReason;

/**
 * What the verdict stage knows of one (unit, period, scope), in {@link vn.tthc.monitor.kpi.topology.StoreCatalog#VERDICTS_STORE}
 * or {@link vn.tthc.monitor.kpi.topology.StoreCatalog#SUBTREE_VERDICTS_STORE} (JSON), and what the query API shows on
 * the rows: provisional until {@code finalAt} is set, then final; the verdict (revision 0) is written when it becomes
 * final, so {@code revision} is -1 exactly while it is provisional.
 *
 * @param finalAt             when the rows became final; null while provisional
 * @param finalReason         why; null while provisional
 * @param revision            the last revision written to the verdicts topic, -1 for none
 * @param correctedAfterFinal how many row changes were counted after the rows became final
 * @param lastCorrectedAt     when the last of them was counted (wall clock); null when none
 * @param correctionPending   a change was counted since the last revision: the next check writes a correction
 * @param rowsDigest          a digest of the rows' counters at the last revision (a correction is written only when
 *                            they differ, so that a change undone within one interval writes none)
 */
public record VerdictState(String unitId, String period, Scope scope, Instant finalAt, FinalReason finalReason,
                           int revision, long correctedAfterFinal, Instant lastCorrectedAt, boolean correctionPending,
                           String rowsDigest) {

    static VerdictState provisional(final String unitId, final String period, final Scope scope) {
        return new VerdictState(unitId, period, scope, null, null, -1, 0, null, false, null);
    }

    /** Whether the rows are final; named so that JSON does not take it for a property. */
    public boolean hasBecomeFinal() {
        return finalAt != null;
    }

    VerdictState becameFinal(final Instant at, final FinalReason reason, final String digest) {
        return new VerdictState(unitId, period, scope, at, reason, 0, correctedAfterFinal, lastCorrectedAt, false, digest);
    }

    VerdictState corrected(final Instant at) {
        return new VerdictState(unitId, period, scope, finalAt, finalReason, revision, correctedAfterFinal + 1, at, true,
            rowsDigest);
    }

    VerdictState revised(final int newRevision, final String digest) {
        return new VerdictState(unitId, period, scope, finalAt, finalReason, newRevision, correctedAfterFinal,
            lastCorrectedAt, false, digest);
    }
}
