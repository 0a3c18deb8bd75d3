package vn.tthc.monitor.kpi.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.CurrentKpis;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.PipelineCounts;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * Exports the KPIs of the current month, quarter and year, and the intake counts, as Prometheus
 * gauges, refreshed from the state stores every few seconds. Labels: {@code unit}, {@code field}
 * ({@code *} for the unit over all fields), {@code period} (month, quarter, year), {@code kpi}.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class KpiMetrics {

    private final KpiQueryService queries;
    private final MultiGauge value;
    private final MultiGauge volume;
    private final MultiGauge target;
    private final MultiGauge breached;
    private final MultiGauge rejected;
    private final MultiGauge duplicates;

    public KpiMetrics(final KpiQueryService queries, final MeterRegistry registry) {
        this.queries = queries;
        this.value = MultiGauge.builder("tthc.kpi.value").description("KPI value (0..1) in the current period")
            .register(registry);
        this.volume = MultiGauge.builder("tthc.kpi.volume").description("KPI volume (its denominator) in the current period")
            .register(registry);
        this.target = MultiGauge.builder("tthc.kpi.target").description("KPI target (0..1)").register(registry);
        this.breached = MultiGauge.builder("tthc.kpi.breached")
            .description("1 when the KPI is below its target with enough volume, else 0").register(registry);
        this.rejected = MultiGauge.builder("tthc.events.rejected").description("Rejected events so far, per source system")
            .register(registry);
        this.duplicates = MultiGauge.builder("tthc.events.duplicates")
            .description("Duplicate deliveries dropped so far, per source system").register(registry);
    }

    @Scheduled(fixedDelay = "${tthc.metrics.refresh:5s}", initialDelay = "${tthc.metrics.refresh:5s}")
    void refresh() {
        if (queries.currentKpis() instanceof QueryResult.Found<CurrentKpis> current) {
            export(current.value());
        }
        if (queries.pipelineCounts() instanceof QueryResult.Found<PipelineCounts> counts) {
            rejected.register(bySource(counts.value().rejectedBySource()), true);
            duplicates.register(bySource(counts.value().duplicatesBySource()), true);
        }
    }

    private void export(final CurrentKpis current) {
        final List<MultiGauge.Row<?>> values = new ArrayList<>();
        final List<MultiGauge.Row<?>> volumes = new ArrayList<>();
        final List<MultiGauge.Row<?>> targets = new ArrayList<>();
        final List<MultiGauge.Row<?>> breaches = new ArrayList<>();
        for (final KpiRowStatus row : current.rows()) {
            final String periodKind = Period.parse(row.period()).kind().name().toLowerCase(Locale.ROOT);
            for (final KpiStatus status : row.kpis()) {
                final Tags tags = Tags.of("unit", row.unitId(), "field", row.fieldId(), "period", periodKind,
                    "kpi", status.kpi().id());
                if (status.value() != null) {
                    values.add(MultiGauge.Row.of(tags, status.value()));
                }
                volumes.add(MultiGauge.Row.of(tags, status.volume()));
                targets.add(MultiGauge.Row.of(tags, status.target()));
                breaches.add(MultiGauge.Row.of(tags, status.breached() ? 1 : 0));
            }
        }
        value.register(values, true);
        volume.register(volumes, true);
        target.register(targets, true);
        breached.register(breaches, true);
    }

    private static List<MultiGauge.Row<?>> bySource(final java.util.Map<String, Long> counts) {
        return counts.entrySet().stream()
            .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("source", e.getKey().isEmpty() ? "unknown" : e.getKey()),
                e.getValue()))
            .toList();
    }
}
