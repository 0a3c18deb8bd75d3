package vn.tthc.monitor.kpi.topology.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestCounters.resolutions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Period;

/**
 * The one-pass projection of a unit's open cases gives every row what the contract's rule gives it from the row's
 * own cases ({@link ForecastProjection#of}, {@link OnTimeForecast#of}): the same counts per period, and the first
 * overdue cases of the contract's list, in its order.
 */
class UnitProjectionsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final List<String> FIELDS = List.of("dat-dai", "ho-tich", "xay-dung");

    @Test
    void everyRowIsProjectedAsTheContractProjectsItsOwnCases() {
        final Random random = new Random(7);
        final List<UnitCase> cases = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // due times within a year around now, on the hour, so that many share one and the caseId orders them
            final Instant due = NOW.plus(Duration.ofHours(random.nextInt(24 * 365) - 24 * 200));
            cases.add(new UnitCase(FIELDS.get(random.nextInt(FIELDS.size())),
                new ForecastCase("c" + random.nextInt(1_000_000), due, random.nextInt(10) == 0, null)));
        }

        final UnitProjections projections = UnitProjections.of("u1", cases, NOW, 20);

        assertThat(projections.fields()).containsExactlyInAnyOrder("dat-dai", "ho-tich", "xay-dung", KpiRowKey.ALL_FIELDS);
        for (final Period period : Period.containing(NOW)) {
            for (final String field : projections.fields()) {
                final KpiRowKey row = new KpiRowKey("u1", field, period.toString());
                final List<ForecastCase> own = cases.stream()
                    .filter(c -> row.isAllFields() || c.fieldId().equals(field)).map(UnitCase::forecastCase).toList();
                final List<String> contractOverdue = OnTimeForecast.of(resolutions(10, 0), own, period.end(), NOW,
                    new BigDecimal("0.98"), 1).orElseThrow().overdueCaseIds();

                assertThat(projections.projection(row)).as(row.toString()).isEqualTo(ForecastProjection.of(own, period.end(), NOW));
                assertThat(projections.overdueCaseIds(row)).as(row.toString())
                    .hasSize(20).isEqualTo(contractOverdue.subList(0, 20));
            }
        }
    }

    @Test
    void rowsOfOtherPeriodsOrUnitsHaveNoProjection() {
        final List<UnitCase> cases = List.of(new UnitCase("ho-tich", new ForecastCase("c1", NOW.minusSeconds(60), false, null)));

        final UnitProjections projections = UnitProjections.of("u1", cases, NOW, 20);

        assertThat(projections.projection(new KpiRowKey("u1", "ho-tich", "2026-11"))).isEqualTo(new ForecastProjection(1, 0, 0));
        assertThat(projections.overdueCaseIds(new KpiRowKey("u1", KpiRowKey.ALL_FIELDS, "2026-Q4"))).containsExactly("c1");
        assertThat(projections.projection(new KpiRowKey("u1", "ho-tich", "2026-10"))).isEqualTo(ForecastProjection.NONE);
        assertThat(projections.projection(new KpiRowKey("u2", "ho-tich", "2026-11"))).isEqualTo(ForecastProjection.NONE);
        assertThat(projections.overdueCaseIds(new KpiRowKey("u1", "dat-dai", "2026-11"))).isEmpty();
    }

    @Test
    void noCasesNoRows() {
        assertThat(UnitProjections.of("u1", List.of(), NOW, 20).fields()).isEmpty();
    }
}
