package vn.tthc.monitor.notifier.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;

/**
 * Verdict records as kpi-streams' archive writes them to the verdict-reports topic: the third quarter of 2026 of
 * Bàn Cờ (own cases) with objectives of every verdict, a correction of it, and the city's subtree verdict.
 */
public final class VerdictFixtures {

    /** 14/10/2026 10:00 in Vietnam: every case received in the quarter is closed. */
    public static final Instant FINAL_AT = Instant.parse("2026-10-14T03:00:00Z");

    private VerdictFixtures() {
    }

    /** Bàn Cờ's Q3 2026 verdict: two objectives not met, three met, one with too few cases, one without data. */
    public static VerdictReport banCoVerdict() {
        return report(new PeriodVerdict("UBND-P-BAN-CO", "2026-Q3", Scope.OWN, 0, FINAL_AT,
            PeriodVerdict.FinalReason.ALL_CLOSED, List.of(
                objective("*", Kpi.ON_TIME_RATE, Verdict.NOT_MET, 0.975, 0.98, 600),
                objective("HO_TICH", Kpi.ON_TIME_RATE, Verdict.MET, 0.9912, 0.98, 340),
                objective("DAT_DAI", Kpi.ON_TIME_RATE, Verdict.NOT_MET, 0.9583, 0.98, 240),
                objective("*", Kpi.SATISFACTION_RATE, Verdict.MET, 0.9733, 0.96, 150),
                objective("*", Kpi.ONLINE_RATE, Verdict.MET, 1.0, 1.0, 75),
                objective("*", Kpi.FEEDBACK_ON_TIME_RATE, Verdict.LOW_VOLUME, 0.875, 1.0, 8),
                new ObjectiveVerdict("TU_PHAP", Kpi.SATISFACTION_RATE, Verdict.NO_DATA, null, 0.96, 0, 20)),
            0, null, FINAL_AT.plusSeconds(1)), "verdict-0");
    }

    /** Its first correction: a late-closed case moved the all-fields on-time rate to its target and Đất đai up a little. */
    public static VerdictReport banCoCorrection() {
        final PeriodVerdict verdict = banCoVerdict().verdict();
        final Instant corrected = Instant.parse("2026-10-20T02:15:00Z");
        return report(new PeriodVerdict(verdict.unitId(), verdict.period(), verdict.scope(), 1, verdict.finalAt(),
            verdict.finalReason(), verdict.objectives().stream().map(o -> switch (o.fieldId() + " " + o.kpi()) {
                case "* ON_TIME_RATE" -> objective("*", Kpi.ON_TIME_RATE, Verdict.MET, 0.98, 0.98, 601);
                case "DAT_DAI ON_TIME_RATE" -> objective("DAT_DAI", Kpi.ON_TIME_RATE, Verdict.NOT_MET, 0.9585, 0.98, 241);
                default -> o;
            }).toList(), 3, corrected, corrected.plusSeconds(1)), "correction-1");
    }

    /** The city's verdict over its whole tree, after the cut-off: every objective met. */
    public static VerdictReport citySubtreeVerdict() {
        return report(new PeriodVerdict("UBND-TP", "2026-H1", Scope.SUBTREE, 0, Instant.parse("2026-07-14T17:00:00Z"),
            PeriodVerdict.FinalReason.CUT_OFF, List.of(
                objective("*", Kpi.ON_TIME_RATE, Verdict.MET, 0.9861, 0.98, 12_480),
                objective("*", Kpi.SATISFACTION_RATE, Verdict.MET, 0.9702, 0.96, 3_125)),
            0, null, Instant.parse("2026-07-14T17:00:01Z")), "subtree-0");
    }

    /** A stand-in for the archived PDF: distinct bytes per record, not all of them text. */
    private static VerdictReport report(final PeriodVerdict verdict, final String tag) {
        final byte[] head = ("%PDF-1.7\n% " + String.join("/", verdict.key()) + " " + tag + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        final byte[] pdf = new byte[head.length + 256];
        System.arraycopy(head, 0, pdf, 0, head.length);
        for (int i = 0; i < 256; i++) {
            pdf[head.length + i] = (byte) i;
        }
        return new VerdictReport(verdict, pdf, verdict.producedAt().plusSeconds(1));
    }

    private static ObjectiveVerdict objective(final String field, final Kpi kpi, final Verdict verdict,
                                              final double value, final double target, final long volume) {
        return new ObjectiveVerdict(field, kpi, verdict, value, target, volume, 20);
    }
}
