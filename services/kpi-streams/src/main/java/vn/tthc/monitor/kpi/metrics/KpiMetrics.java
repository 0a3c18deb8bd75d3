package vn.tthc.monitor.kpi.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
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
 * targets and breach state, and the ids of those periods; open, waiting, due-soon and overdue cases and open alerts per unit;
 * accepted, rejected and duplicate events per source system; and the pipeline's lag. Records
 * dead-lettered by the exception handlers are counted as they happen, by reason kind.
 *
 * <p>The {@code unit} label takes the ids of the organisation file only, so that the series stay bounded: a unit
 * the file does not list is exported as {@link #UNLISTED} (its KPIs combined over all such units, its cases and
 * alerts summed), while the query API lists it by id. Without an organisation file every unit keeps its id.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class KpiMetrics {

    /** The {@code unit} label of every unit the organisation file does not list. */
    public static final String UNLISTED = "(unlisted)";

    private final KpiQueryService queries;
    private final PipelineLag lag;
    private final Set<String> fieldPeriods;
    private final MultiGauge value;
    private final MultiGauge volume;
    private final MultiGauge target;
    private final MultiGauge breached;
    private final MultiGauge allowance;
    private final MultiGauge toRecover;
    private final MultiGauge forecast;
    private final MultiGauge periodInfo;
    private final MultiGauge cases;
    private final MultiGauge alertsOpen;
    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> events = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> unverifiedIds = new ConcurrentHashMap<>();
    private final Organisation organisation;
    private final MultiGauge lagGauge;
    private final MultiGauge unlisted;

    public KpiMetrics(final KpiQueryService queries, final PipelineLag lag, final MeterRegistry registry,
                      final Organisation organisation,
                      @Value("${tthc.metrics.field-periods:month}") final Set<String> fieldPeriods) {
        this.queries = queries;
        this.lag = lag;
        this.registry = registry;
        this.organisation = organisation;
        this.fieldPeriods = Set.copyOf(fieldPeriods);
        this.value = gauge(registry, "tthc.kpi.ratio", "KPI value (0..1) in the current period; only KPIs with volume");
        this.volume = gauge(registry, "tthc.kpi.volume", "KPI volume (its denominator) in the current period");
        this.target = gauge(registry, "tthc.kpi.target", "KPI target (0..1) of the row");
        this.breached = gauge(registry, "tthc.kpi.breached",
            "1 when the KPI is below its target with at least minVolume, else 0");
        this.allowance = gauge(registry, "tthc.kpi.allowance",
            "Further bad outcomes (late, dissatisfied, not online, feedback late) the period can absorb and still meet"
                + " the target; absent when the target is 0");
        this.toRecover = gauge(registry, "tthc.kpi.to.recover",
            "Below target: consecutive good outcomes needed to get back to it; absent otherwise and when the target is 1");
        this.forecast = gauge(registry, "tthc.kpi.forecast.ratio",
            "End-of-period forecast (0..1) of the on-time rate of the row, computed at each refresh from its open cases");
        this.periodInfo = gauge(registry, "tthc.kpi.period.info",
            "1 for each current period: its kind (label period, as on the KPI series) and its id (period_id: 2026-12, 2026-Q4,"
                + " 2026-H2, 2026)");
        this.cases = gauge(registry, "tthc.cases", "Open cases now by state: open, waiting_on_citizen, due_soon, overdue");
        this.alertsOpen = gauge(registry, "tthc.alerts.open", "Alerts open now (not stale), per unit and KPI");
        this.lagGauge = gauge(registry, "tthc.pipeline.lag.records",
            "Records of the events and internal topics not yet processed by the pipeline");
        this.unlisted = gauge(registry, "tthc.units.unlisted",
            "Units seen in events that the organisation file does not list (GET /api/v1/units/unlisted)");
        for (final DeadLetterKind kind : DeadLetterKind.values()) {
            FunctionCounter.builder("tthc.events.dead.lettered", kind, DeadLetters::count)
                .description("Records the pipeline sent to the dead-letter topic since it started, by reason kind")
                .tag("reason", kind.label())
                .register(registry);
        }
        for (final OrganisationUnit unit : organisation.units()) {
            Gauge.builder("tthc.unit.info", () -> 1.0).description("A unit of the organisation file: its name and parent")
                .tags("unit", unit.id(), "name", unit.name(), "parent", unit.parent().orElse("")).register(registry);
        }
    }

    /** The {@code unit} label of {@code unitId}: its id when the organisation file lists it or there is no file. */
    String unitLabel(final String unitId) {
        return organisation.units().isEmpty() || organisation.unit(unitId).isPresent() ? unitId : UNLISTED;
    }

    @Scheduled(fixedDelay = "${tthc.metrics.refresh:5s}", initialDelay = "${tthc.metrics.refresh:5s}")
    void refresh() {
        if (queries.currentKpis() instanceof QueryResult.Found<CurrentKpis> current) {
            exportKpis(current.value());
            exportForecasts(current.value());
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
        final List<MultiGauge.Row<?>> allowances = new ArrayList<>();
        final List<MultiGauge.Row<?>> toRecovers = new ArrayList<>();
        final Map<Tags, double[]> unlistedGoodAndVolume = new HashMap<>();
        final Set<Tags> periods = new HashSet<>();
        for (final KpiRowStatus row : current.rows()) {
            if (!exported(row)) {
                continue;
            }
            final String period = periodLabel(row);
            periods.add(Tags.of("period", period, "period_id", row.period()));
            final boolean listed = !unitLabel(row.unitId()).equals(UNLISTED);
            for (final KpiStatus status : row.kpis()) {
                if (status.volume() == 0) {
                    continue;
                }
                if (!listed) {
                    // targets, breaches and allowances are a unit's own; the unlisted units together get the
                    // combined value (good outcomes over volume) and volume
                    final double[] sums = unlistedGoodAndVolume.computeIfAbsent(Tags.of("unit", UNLISTED,
                        "field", row.fieldId(), "kpi", status.kpi().id(), "scope", row.scope().wireName(),
                        "period", period), tags -> new double[2]);
                    sums[0] += status.value() * status.volume();
                    sums[1] += status.volume();
                    continue;
                }
                final Tags rowKpi = Tags.of("unit", row.unitId(), "field", row.fieldId(), "kpi", status.kpi().id(),
                    "scope", row.scope().wireName());
                final Tags tags = rowKpi.and("period", period);
                values.add(MultiGauge.Row.of(tags, status.value()));
                volumes.add(MultiGauge.Row.of(tags, status.volume()));
                breaches.add(MultiGauge.Row.of(tags, status.breached() ? 1 : 0));
                targets.put(rowKpi, status.target());
                // the allowance figures of the * rows only: a few thousand series at most (docs/METRICS.md)
                if (row.fieldId().equals(KpiRowKey.ALL_FIELDS) && status.allowance() != null) {
                    allowances.add(MultiGauge.Row.of(tags, status.allowance()));
                }
                if (row.fieldId().equals(KpiRowKey.ALL_FIELDS) && status.toRecover() != null) {
                    toRecovers.add(MultiGauge.Row.of(tags, status.toRecover()));
                }
            }
        }
        unlistedGoodAndVolume.forEach((tags, sums) -> {
            values.add(MultiGauge.Row.of(tags, sums[0] / sums[1]));
            volumes.add(MultiGauge.Row.of(tags, sums[1]));
        });
        periodInfo.register(periods.stream().<MultiGauge.Row<?>>map(tags -> MultiGauge.Row.of(tags, 1)).toList(), true);
        allowance.register(allowances, true);
        toRecover.register(toRecovers, true);
        value.register(values, true);
        volume.register(volumes, true);
        breached.register(breaches, true);
        target.register(targets.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
            .toList(), true);
    }

    /**
     * The forecasts of the {@code *} rows, on the on-time KPI: one series per listed unit and current period, and one
     * more per unit with units under it (its subtree row).
     */
    private void exportForecasts(final CurrentKpis current) {
        final List<KpiRowStatus> rows = current.rows().stream()
            .filter(row -> row.fieldId().equals(KpiRowKey.ALL_FIELDS) && !unitLabel(row.unitId()).equals(UNLISTED))
            .toList();
        if (!(queries.forecasts(rows) instanceof QueryResult.Found<Map<Scope, Map<KpiRowKey, OnTimeForecast>>> found)) {
            return;
        }
        final List<MultiGauge.Row<?>> forecasts = new ArrayList<>();
        for (final KpiRowStatus row : rows) {
            final OnTimeForecast rowForecast = found.value().get(row.scope()).get(row.key());
            if (rowForecast != null) {
                forecasts.add(MultiGauge.Row.of(Tags.of("unit", row.unitId(), "field", row.fieldId(),
                    "kpi", Kpi.ON_TIME_RATE.id(), "scope", row.scope().wireName(), "period", periodLabel(row)),
                    rowForecast.expectedRate()));
            }
        }
        forecast.register(forecasts, true);
    }

    /** The rows the KPI gauges export: the {@code *} rows, and the field rows of {@code tthc.metrics.field-periods}. */
    private boolean exported(final KpiRowStatus row) {
        return row.fieldId().equals(KpiRowKey.ALL_FIELDS) || fieldPeriods.contains(periodLabel(row));
    }

    private static String periodLabel(final KpiRowStatus row) {
        return Period.parse(row.period()).kind().name().toLowerCase(Locale.ROOT);
    }

    private void exportCases(final Map<String, OpenCaseCounts> byUnit) {
        final Map<Tags, Long> rows = new HashMap<>();
        byUnit.forEach((unit, counts) -> {
            final String label = unitLabel(unit);
            rows.merge(Tags.of("unit", label, "state", "open"), counts.open(), Long::sum);
            rows.merge(Tags.of("unit", label, "state", "waiting_on_citizen"), counts.waitingOnCitizen(), Long::sum);
            rows.merge(Tags.of("unit", label, "state", "due_soon"), counts.dueSoon(), Long::sum);
            rows.merge(Tags.of("unit", label, "state", "overdue"), counts.overdue(), Long::sum);
        });
        cases.register(rows.entrySet().stream()
            .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
    }

    private void exportAlerts(final List<KpiAlert> alerts) {
        final Map<Tags, Long> byUnitAndKpi = new HashMap<>();
        alerts.forEach(alert -> byUnitAndKpi.merge(Tags.of("unit", unitLabel(alert.unitId()), "kpi", alert.kpi()), 1L, Long::sum));
        alertsOpen.register(byUnitAndKpi.entrySet().stream()
            .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
    }

    private void exportEvents(final PipelineCounts counts) {
        addBySource(counts.acceptedBySource(), "accepted");
        addBySource(counts.rejectedBySource(), "rejected");
        addBySource(counts.duplicatesBySource(), "duplicate");
        // of the accepted, apart (not an outcome of tthc_events_total, whose outcomes add up to the deliveries)
        counts.unverifiedIdsBySource().forEach((source, count) -> unverifiedIds.computeIfAbsent(
            Tags.of("source", source.isEmpty() ? "unknown" : source), tags -> {
                final AtomicLong total = new AtomicLong();
                FunctionCounter.builder("tthc.events.unverified.ids", total, AtomicLong::doubleValue)
                    .description("Events accepted whose id was not found but may repeat one forgotten after "
                        + "tthc.duplicates.event-id-retention, per source system")
                    .tags(tags).register(registry);
                return total;
            }).set(count));
    }

    /**
     * The counts of the stores, monotonic, as counters: one {@code tthc_events_total} per (source, outcome),
     * registered when first seen.
     */
    private void addBySource(final Map<String, Long> bySource, final String outcome) {
        bySource.forEach((source, count) -> events.computeIfAbsent(
            Tags.of("source", source.isEmpty() ? "unknown" : source, "outcome", outcome), tags -> {
                final AtomicLong total = new AtomicLong();
                FunctionCounter.builder("tthc.events", total, AtomicLong::doubleValue)
                    .description("Events so far per source system and outcome: accepted, rejected, duplicate")
                    .tags(tags).register(registry);
                return total;
            }).set(count));
    }

    private static MultiGauge gauge(final MeterRegistry registry, final String name, final String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }
}
