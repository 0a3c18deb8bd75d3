package vn.tthc.monitor.kpi.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.deadletter.DeadLetterKind;
import vn.tthc.monitor.kpi.deadletter.DeadLetters;
import vn.tthc.monitor.kpi.query.CurrentKpis;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.OpenCaseCounts;
import vn.tthc.monitor.kpi.query.PipelineCounts;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.UnlistedUnit;

/**
 * Exports what department heads and operators watch as Prometheus gauges, refreshed from the state
 * stores every few seconds (docs/METRICS.md lists every name, label and the series count):
 * the KPIs of the current month, quarter and year per unit, and of the periods in
 * {@code tthc.metrics.field-periods} (the month by default) per (unit, field), with their volumes,
 * targets and breach state; open, waiting, due-soon and overdue cases and open alerts per unit;
 * accepted, rejected and duplicate events per source system; and the pipeline's lag. Records
 * dead-lettered by the exception handlers are counted as they happen, by reason kind.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class KpiMetrics {

    private final KpiQueryService queries;
    private final PipelineLag lag;
    private final Set<String> fieldPeriods;
    private final MultiGauge value;
    private final MultiGauge volume;
    private final MultiGauge target;
    private final MultiGauge breached;
    private final MultiGauge cases;
    private final MultiGauge alertsOpen;
    private final MultiGauge events;
    private final MultiGauge lagGauge;
    private final MultiGauge unlisted;

    public KpiMetrics(final KpiQueryService queries, final PipelineLag lag, final MeterRegistry registry,
                      @Value("${tthc.metrics.field-periods:month}") final Set<String> fieldPeriods) {
        this.queries = queries;
        this.lag = lag;
        this.fieldPeriods = Set.copyOf(fieldPeriods);
        this.value = gauge(registry, "tthc.kpi.value", "KPI value (0..1) in the current period; only KPIs with volume");
        this.volume = gauge(registry, "tthc.kpi.volume", "KPI volume (its denominator) in the current period");
        this.target = gauge(registry, "tthc.kpi.target", "KPI target (0..1) of the row");
        this.breached = gauge(registry, "tthc.kpi.breached",
            "1 when the KPI is below its target with at least minVolume, else 0");
        this.cases = gauge(registry, "tthc.cases", "Open cases now by state: open, waiting_on_citizen, due_soon, overdue");
        this.alertsOpen = gauge(registry, "tthc.alerts.open", "Alerts open now (not stale), per unit and KPI");
        this.events = gauge(registry, "tthc.events",
            "Events so far per source system and outcome: accepted, rejected, duplicate (monotonic)");
        this.lagGauge = gauge(registry, "tthc.pipeline.lag",
            "Records of the events and internal topics not yet processed by the pipeline");
        this.unlisted = gauge(registry, "tthc.units.unlisted",
            "Units seen in events that the organisation file does not list (GET /api/v1/units/unlisted)");
        for (final DeadLetterKind kind : DeadLetterKind.values()) {
            FunctionCounter.builder("tthc.events.dead.lettered", kind, DeadLetters::count)
                .description("Records the pipeline sent to the dead-letter topic since it started, by reason kind")
                .tag("reason", kind.label())
                .register(registry);
        }
    }

    @Scheduled(fixedDelay = "${tthc.metrics.refresh:5s}", initialDelay = "${tthc.metrics.refresh:5s}")
    void refresh() {
        if (queries.currentKpis() instanceof QueryResult.Found<CurrentKpis> current) {
            exportKpis(current.value());
        }
        if (queries.openCaseCounts() instanceof QueryResult.Found<Map<String, OpenCaseCounts>> counts) {
            exportCases(counts.value());
        }
        if (queries.openAlerts(false) instanceof QueryResult.Found<List<KpiAlert>> alerts) {
            exportAlerts(alerts.value());
        }
        if (queries.pipelineCounts() instanceof QueryResult.Found<PipelineCounts> counts) {
            exportEvents(counts.value());
        }
        if (queries.unlistedUnits() instanceof QueryResult.Found<List<UnlistedUnit>> units) {
            unlisted.register(List.of(MultiGauge.Row.of(Tags.empty(), units.value().size())), true);
        }
        lag.total().ifPresent(total -> lagGauge.register(List.of(MultiGauge.Row.of(Tags.empty(), total)), true));
    }

    private void exportKpis(final CurrentKpis current) {
        final List<MultiGauge.Row<?>> values = new ArrayList<>();
        final List<MultiGauge.Row<?>> volumes = new ArrayList<>();
        final Map<Tags, Number> targets = new HashMap<>();
        final List<MultiGauge.Row<?>> breaches = new ArrayList<>();
        for (final KpiRowStatus row : current.rows()) {
            final String period = Period.parse(row.period()).kind().name().toLowerCase(Locale.ROOT);
            if (!row.fieldId().equals(KpiRowKey.ALL_FIELDS) && !fieldPeriods.contains(period)) {
                continue;
            }
            for (final KpiStatus status : row.kpis()) {
                if (status.volume() == 0) {
                    continue;
                }
                final Tags rowKpi = Tags.of("unit", row.unitId(), "field", row.fieldId(), "kpi", status.kpi().id(),
                    "scope", row.scope().wireName());
                final Tags tags = rowKpi.and("period", period);
                values.add(MultiGauge.Row.of(tags, status.value()));
                volumes.add(MultiGauge.Row.of(tags, status.volume()));
                breaches.add(MultiGauge.Row.of(tags, status.breached() ? 1 : 0));
                targets.put(rowKpi, status.target());
            }
        }
        value.register(values, true);
        volume.register(volumes, true);
        breached.register(breaches, true);
        target.register(targets.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
            .toList(), true);
    }

    private void exportCases(final Map<String, OpenCaseCounts> byUnit) {
        final List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byUnit.forEach((unit, counts) -> {
            rows.add(MultiGauge.Row.of(Tags.of("unit", unit, "state", "open"), counts.open()));
            rows.add(MultiGauge.Row.of(Tags.of("unit", unit, "state", "waiting_on_citizen"), counts.waitingOnCitizen()));
            rows.add(MultiGauge.Row.of(Tags.of("unit", unit, "state", "due_soon"), counts.dueSoon()));
            rows.add(MultiGauge.Row.of(Tags.of("unit", unit, "state", "overdue"), counts.overdue()));
        });
        cases.register(rows, true);
    }

    private void exportAlerts(final List<KpiAlert> alerts) {
        final Map<Tags, Long> byUnitAndKpi = new HashMap<>();
        alerts.forEach(alert -> byUnitAndKpi.merge(Tags.of("unit", alert.unitId(), "kpi", alert.kpi()), 1L, Long::sum));
        alertsOpen.register(byUnitAndKpi.entrySet().stream()
            .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
    }

    private void exportEvents(final PipelineCounts counts) {
        final List<MultiGauge.Row<?>> rows = new ArrayList<>();
        addBySource(rows, counts.acceptedBySource(), "accepted");
        addBySource(rows, counts.rejectedBySource(), "rejected");
        addBySource(rows, counts.duplicatesBySource(), "duplicate");
        events.register(rows, true);
    }

    private static void addBySource(final List<MultiGauge.Row<?>> rows, final Map<String, Long> bySource,
                                    final String outcome) {
        bySource.forEach((source, count) -> rows.add(MultiGauge.Row.of(
            Tags.of("source", source.isEmpty() ? "unknown" : source, "outcome", outcome), count)));
    }

    private static MultiGauge gauge(final MeterRegistry registry, final String name, final String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }
}
