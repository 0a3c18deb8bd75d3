package vn.tthc.monitor.contract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.testing.TestCounters;

class PublicFiguresTest {

    @Test
    void currentAndLastMonthAndQuarterOfTheAllFieldsRow() {
        // 1 April 2026 00:30 in Vietnam: month 2026-04 and quarter 2026-Q2 have just begun
        final Instant now = ZonedDateTime.of(2026, 4, 1, 0, 30, 0, 0, VietnamTime.ZONE).toInstant();
        KpiCounters march = TestCounters.resolutions(39, 1);
        for (int i = 0; i < 3; i++) {
            march = march.plus(KpiCounters.survey(i > 0));
        }
        final Map<KpiRowKey, KpiCounters> rows = Map.of(
            new KpiRowKey("U", "*", "2026-03"), march,
            new KpiRowKey("U", "*", "2026-Q1"), march,
            new KpiRowKey("U", "DAT_DAI", "2026-03"), TestCounters.resolutions(1, 0));
        final PublicFigures figures = PublicFigures.of("U", "Phường Một", Scope.OWN, rows, now);
        assertThat(figures.periods()).extracting(PublicFigures.PeriodFigures::period)
            .containsExactly("2026-04", "2026-03", "2026-Q2", "2026-Q1");
        assertThat(figures.periods()).extracting(PublicFigures.PeriodFigures::current)
            .containsExactly(true, false, true, false);
        assertThat(figures.periods().get(0).satisfaction()).isNull();
        assertThat(figures.periods().get(1).onTime()).isEqualTo(new PublicFigures.Rate(39, 40, "97,50%"));
        assertThat(figures.periods().get(1).satisfaction()).isEqualTo(new PublicFigures.Rate(2, 3, "66,66%"));
        assertThat(figures.periods().get(3).name()).isEqualTo("Quý 1 năm 2026");
    }
}
