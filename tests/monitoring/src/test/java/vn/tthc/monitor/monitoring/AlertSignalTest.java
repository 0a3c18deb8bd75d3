package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertSignalTest {

    @Test
    void theSignalIsWhatStandsBeforeTheFirstTopLevelComparison() {
        assertThat(AlertSignal.of("tthc_pipeline_lag_records > 1000")).isEqualTo("tthc_pipeline_lag_records");
        assertThat(AlertSignal.of("up{job=~\"a|b\"} == 0")).isEqualTo("up{job=~\"a|b\"}");
        assertThat(AlertSignal.of("x{a!=\"1\"} != 2")).isEqualTo("x{a!=\"1\"}");
        assertThat(AlertSignal.of("m{f=\"*\"} < 0 and on (unit) b == 1")).isEqualTo("m{f=\"*\"}");
        assertThat(AlertSignal.of("sum(rate(x{a=\">\"}[5m])) / sum(rate(x[5m])) >= 0.5"))
            .isEqualTo("sum(rate(x{a=\">\"}[5m])) / sum(rate(x[5m]))");
    }

    @Test
    void anExpressionWithoutComparisonIsItsOwnSignal() {
        assertThat(AlertSignal.of(" absent(up{job=\"kpi-streams\"}) ")).isEqualTo("absent(up{job=\"kpi-streams\"})");
        assertThat(AlertSignal.of("count(x > 1)")).isEqualTo("count(x > 1)");
    }
}
