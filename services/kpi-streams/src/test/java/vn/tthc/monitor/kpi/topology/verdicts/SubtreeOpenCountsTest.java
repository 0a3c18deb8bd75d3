package vn.tthc.monitor.kpi.topology.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.KpiCounters;

/**
 * The rule by which a subtree of an ended period is final before its cut-off: its units' reports account for every
 * case its row counts as received in the period, and none is open. The units report from their own tasks by their own
 * wall clocks, so the subtree task may see some reports before others: each case shows in the cases:
 */
class SubtreeOpenCountsTest {

    private static final String TREE = "tree";

    @Test
    void everyUnitThatReceivedCasesReportedAllClosed() {
        assertThat(SubtreeOpenCounts.allClosed(received(3), List.of(count("T", 1, 0), count("G", 2, 0)))).isTrue();
    }

    @Test
    void aUnitThatReceivedCasesAndHasNotReportedYetKeepsItProvisional() {
        // G received two cases of the period, still open, and its task has not checked since the period ended
        assertThat(SubtreeOpenCounts.allClosed(received(3), List.of(count("T", 1, 0)))).isFalse();
    }

    @Test
    void aUnitWhoseCountPredatesACaseSpreadSinceKeepsItProvisional() {
        // a late case of the period reached the subtree row before G's next count
        assertThat(SubtreeOpenCounts.allClosed(received(4), List.of(count("T", 1, 0), count("G", 2, 0)))).isFalse();
        // and G's count before the case reached the subtree row
        assertThat(SubtreeOpenCounts.allClosed(received(3), List.of(count("T", 1, 0), count("G", 3, 1)))).isFalse();
    }

    @Test
    void anOpenCaseKeepsItProvisional() {
        assertThat(SubtreeOpenCounts.allClosed(received(3), List.of(count("T", 1, 0), count("G", 2, 1)))).isFalse();
    }

    @Test
    void aSubtreeWithoutRowsInThePeriodIsNotFinalByThisRule() {
        // e.g. its rows emptied to be rebuilt over a new organisation file
        assertThat(SubtreeOpenCounts.allClosed(null, List.of())).isFalse();
    }

    @Test
    void aSubtreeWhoseRowsReceivedNothingIsFinal() {
        // only surveys in the period: no case received in it, nothing to wait for
        assertThat(SubtreeOpenCounts.allClosed(KpiCounters.survey(true), List.of())).isTrue();
    }

    private static KpiCounters received(final long cases) {
        return new KpiCounters(cases, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static OpenCount count(final String unitId, final long received, final long open) {
        return new OpenCount(unitId, "2026-10", received, open, TREE);
    }
}
