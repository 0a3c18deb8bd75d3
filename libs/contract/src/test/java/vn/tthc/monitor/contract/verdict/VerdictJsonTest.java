package vn.tthc.monitor.contract.verdict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.Scope;

class VerdictJsonTest {

    private static final PeriodVerdict VERDICT = new PeriodVerdict("UBND-X", "2026-Q3", Scope.SUBTREE, 1,
        Instant.parse("2026-10-15T17:00:00Z"), PeriodVerdict.FinalReason.CUT_OFF,
        List.of(new ObjectiveVerdict("*", Kpi.ON_TIME_RATE, Verdict.NOT_MET, 0.95, 0.98, 40, 20),
            new ObjectiveVerdict("DAT_DAI", Kpi.ON_TIME_RATE, Verdict.MET, 1.0, 0.96, 25, 20)),
        2, Instant.parse("2026-10-20T03:00:00Z"), Instant.parse("2026-10-20T03:00:01Z"));

    @Test
    void aVerdictReportSurvivesItsJsonWithThePdfBytes() throws Exception {
        final VerdictReport report = new VerdictReport(VERDICT, new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xff},
            Instant.parse("2026-10-20T03:00:02Z"));
        final String json = ContractJson.mapper().writeValueAsString(report);
        assertTrue(json.contains("\"scope\":\"subtree\""), json);
        final VerdictReport read = ContractJson.mapper().readValue(json, VerdictReport.class);
        assertEquals(VERDICT, read.verdict());
        assertArrayEquals(report.reportPdf(), read.reportPdf());
    }

    @Test
    void everyRevisionSharesTheKeyAndOnlyLaterOnesAreCorrections() {
        assertEquals(List.of("UBND-X", "2026-Q3", "subtree"), VERDICT.key());
        assertTrue(VERDICT.isCorrection());
        assertEquals(1, VERDICT.objectives(Verdict.NOT_MET).size());
        assertEquals("*", VERDICT.objectives(Verdict.NOT_MET).get(0).fieldId());
    }
}
