package vn.tthc.monitor.contract.verdict;

import java.time.Instant;
import java.util.List;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Scope;

/**
 * The verdict (kết luận) on a unit's quality objectives for one ended period and scope, given once every row of
 * that (unit, period, scope) is final. Revision 0 is the verdict; each later revision is a correction: an event
 * counted after the verdict changed a figure (counting never stops, a verdict is never silently revised).
 * Records of the verdicts topic (key: {@link #key()}).
 *
 * @param unitId              the unit
 * @param period              the period id, as in reports ({@code 2026-Q3}, {@code 2026-H1}, …)
 * @param scope               whose cases the rows count
 * @param revision            0 for the verdict, 1, 2, … for the corrections after it
 * @param finalAt             when the rows became final
 * @param finalReason         why they became final
 * @param objectives          every objective of every row of the (unit, period, scope), with its verdict
 * @param correctedAfterFinal how many counted events changed one of these rows after they became final
 * @param lastCorrectedAt     the time of the last such change; null when none
 * @param producedAt          when this record was produced (wall clock)
 */
public record PeriodVerdict(String unitId, String period, Scope scope, int revision, Instant finalAt,
                            FinalReason finalReason, List<ObjectiveVerdict> objectives, long correctedAfterFinal,
                            Instant lastCorrectedAt, Instant producedAt) {

    public PeriodVerdict {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        scope = scope == null ? Scope.OWN : scope;
    }

    /** The verdicts topic's key: {@code ["unit","period","scope"]}; every revision of a verdict shares it. */
    public List<String> key() {
        return List.of(unitId, period, scope.wireName());
    }

    /** Whether this record corrects an earlier verdict. */
    public boolean isCorrection() {
        return revision > 0;
    }

    /** The objectives with the given verdict, in the record's order. */
    public List<ObjectiveVerdict> objectives(final Verdict verdict) {
        return objectives.stream().filter(objective -> objective.verdict() == verdict).toList();
    }

    /** Why the rows of a period became final (EVENTS.md v2 has no rule for it; docs/CONTRACT-NOTES.md does). */
    public enum FinalReason {
        /** Every case received in the period is closed. */
        ALL_CLOSED,
        /** The cut-off after the period's end passed (10 working days by default). */
        CUT_OFF
    }
}
