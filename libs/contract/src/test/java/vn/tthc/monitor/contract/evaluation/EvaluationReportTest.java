package vn.tthc.monitor.contract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.testing.TestCounters;

class EvaluationReportTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.vietnam();
    private static final Instant NOW = ZonedDateTime.of(2026, 12, 5, 14, 15, 0, 0, VietnamTime.ZONE).toInstant();

    @Test
    void periodsBeforeAndTheirNames() {
        assertThat(EvaluationPeriods.previous(Period.parse("2026-Q1"))).contains(Period.parse("2025-Q4"));
        assertThat(EvaluationPeriods.previous(Period.parse("2026-03"))).contains(Period.parse("2026-02"));
        assertThat(EvaluationPeriods.previous(Period.parse("2026-H1"))).contains(Period.parse("2025-H2"));
        assertThat(EvaluationPeriods.previous(Period.parse("2026"))).contains(Period.parse("2025"));
        assertThat(EvaluationPeriods.yearBefore(Period.parse("2026-Q3"))).contains(Period.parse("2025-Q3"));
        assertThat(EvaluationPeriods.previous(Period.parse("0000-01"))).isEmpty();
        assertThat(EvaluationPeriods.name(Period.parse("2026-Q1"))).isEqualTo("Quý 1 năm 2026");
        assertThat(EvaluationPeriods.name(Period.parse("2026-H1"))).isEqualTo("6 tháng đầu năm 2026");
        assertThat(EvaluationPeriods.name(Period.parse("2026-H2"))).isEqualTo("6 tháng cuối năm 2026");
        assertThat(EvaluationPeriods.name(Period.parse("2026-03"))).isEqualTo("Tháng 3 năm 2026");
        assertThat(EvaluationPeriods.name(Period.parse("2026"))).isEqualTo("Năm 2026");
    }

    @Test
    void formats() {
        assertThat(VietnameseFormat.percent(39, 40)).isEqualTo("97,50%");
        assertThat(VietnameseFormat.percent(9799, 10000)).isEqualTo("97,99%");
        assertThat(VietnameseFormat.percent(2, 3)).isEqualTo("66,66%");
        assertThat(VietnameseFormat.percent(5, 5)).isEqualTo("100,00%");
        assertThat(VietnameseFormat.percent(new BigDecimal("0.98"))).isEqualTo("98,00%");
        assertThat(VietnameseFormat.count(12345)).isEqualTo("12.345");
        assertThat(VietnameseFormat.dateTime(NOW)).isEqualTo("05/12/2026 14:15");
    }

    @Test
    void provisionalUntilTenWorkingDaysAfterThePeriod() {
        // Q3 2026 ends 30/09 (Wed); 1–2/10 and 5–9/10 and 12/10 … the 10th working day after 30/09 is 14/10
        final Period q3 = Period.parse("2026-Q3");
        final Instant finalFrom = ZonedDateTime.of(2026, 10, 15, 0, 0, 0, 0, VietnamTime.ZONE).toInstant();
        assertThat(Finality.of(q3, finalFrom.minusSeconds(1), CALENDAR).provisional()).isTrue();
        assertThat(Finality.of(q3, finalFrom, CALENDAR)).isEqualTo(new Finality(false, finalFrom));
        assertThat(Finality.of(q3, q3.end().minusSeconds(1), CALENDAR).label()).isEqualTo("Tạm tính");
        assertThat(Finality.of(q3, finalFrom, CALENDAR).label()).isEqualTo("Chính thức");
    }

    @Test
    void verdictsAndComparisonColumns() {
        final KpiCounters met = TestCounters.resolutions(39, 0).plus(TestCounters.resolutions(0, 0));
        final KpiCounters notMet = TestCounters.resolutions(39, 1);
        final KpiCounters few = TestCounters.resolutions(5, 1);
        final Map<KpiRowKey, KpiCounters> rows = Map.of(
            new KpiRowKey("U", "*", "2026-Q1"), notMet,
            new KpiRowKey("U", "*", "2025-Q4"), met,
            new KpiRowKey("U", "*", "2025-Q1"), few,
            new KpiRowKey("U", "DAT_DAI", "2026-Q1"), notMet,
            new KpiRowKey("U", "HO_TICH", "2025-Q1"), few,
            new KpiRowKey("U", "TU_PHAP", "2024-Q1"), few,
            new KpiRowKey("OTHER", "*", "2026-Q1"), met);
        final EvaluationReport report = EvaluationReport.of("U", "Phường Một", Scope.OWN, Period.parse("2026-Q1"), rows,
            Targets.sectionThreeDefaults(), List.of(), false, NOW, CALENDAR);

        final Objective all = report.objectives().get(0);
        assertThat(all.fieldId()).isEqualTo("*");
        assertThat(all.kpi()).isEqualTo(Kpi.ON_TIME_RATE);
        assertThat(all.current().rate()).isEqualTo("97,50%");
        assertThat(all.current().verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(all.previous().verdict()).isEqualTo(Verdict.MET);
        assertThat(all.previous().rate()).isEqualTo("100,00%");
        assertThat(all.yearBefore().verdict()).isEqualTo(Verdict.LOW_VOLUME);
        assertThat(all.yearBefore().volume()).isEqualTo(6);
        // every KPI of the all-fields row, even without cases
        assertThat(report.objectives().subList(0, 4)).extracting(Objective::kpi).containsExactly(Kpi.values());
        assertThat(report.objectives().get(1).current().verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(report.objectives().get(1).current().rate()).isEqualTo("—");
        // DAT_DAI's on-time target is 96%: 97,50% meets it; HO_TICH only had cases a year before; TU_PHAP none of the three
        assertThat(report.objectives().subList(4, report.objectives().size()))
            .extracting(Objective::fieldId, Objective::kpi, o -> o.current().verdict())
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("DAT_DAI", Kpi.ON_TIME_RATE, Verdict.MET),
                org.assertj.core.groups.Tuple.tuple("HO_TICH", Kpi.ON_TIME_RATE, Verdict.NO_DATA));
        assertThat(report.objectives().get(5).previous()).isNull();
        assertThat(report.count(Verdict.NOT_MET)).isEqualTo(1);
        assertThat(report.finality().provisional()).isFalse();
    }

    @Test
    void keepsThePeriodsAlertsOfTheUnitAndScope() {
        final Instant raised = NOW.minusSeconds(86_400 * 300L);
        final KpiAlert breach = alert("U", "2026-Q1", Scope.OWN, AlertKind.BREACH, AlertState.RESOLVED, raised);
        final KpiAlert risk = alert("U", "2026-Q1", Scope.OWN, AlertKind.AT_RISK, AlertState.RAISED, raised.minusSeconds(60));
        final List<KpiAlert> alerts = List.of(breach, risk,
            alert("U", "2026-Q2", Scope.OWN, AlertKind.BREACH, AlertState.RAISED, raised),
            alert("U", "2026-Q1", Scope.SUBTREE, AlertKind.BREACH, AlertState.RAISED, raised),
            alert("V", "2026-Q1", Scope.OWN, AlertKind.BREACH, AlertState.RAISED, raised));
        final EvaluationReport report = EvaluationReport.of("U", "U", Scope.OWN, Period.parse("2026-Q1"), Map.of(),
            Targets.sectionThreeDefaults(), alerts, false, NOW, CALENDAR);
        assertThat(report.alerts()).extracting(AlertEntry::kind).containsExactly(AlertKind.AT_RISK, AlertKind.BREACH);
        assertThat(report.alerts().get(1).resolvedAt()).isEqualTo(breach.triggeredAt());
        assertThat(report.alerts().get(0).resolvedAt()).isNull();
        assertThat(report.alerts().get(0).kindName()).isEqualTo("Cảnh báo nguy cơ không đạt");
    }

    private static KpiAlert alert(final String unit, final String period, final Scope scope, final AlertKind kind,
                                  final AlertState state, final Instant raisedAt) {
        return new KpiAlert(unit, "*", period, "onTimeRate", state, false, 0.9, 0.98, 40, 20, -3L, List.of("C1"),
            raisedAt, raisedAt.plusSeconds(3600), scope, kind, null, null, null, null, List.of(), List.of());
    }
}
