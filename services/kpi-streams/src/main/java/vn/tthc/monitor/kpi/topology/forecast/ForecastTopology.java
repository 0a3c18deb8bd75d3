package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.HistoryChange;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * The end-of-period forecast of the on-time rate (issue 14 point 4): the open cases, as the case histories change,
 * are repartitioned by unit ({@value #OPEN_CASES_BY_UNIT}, a record only when a case opens, closes, or changes
 * unit, field, due time, waiting state or reception time) into the task that sums the unit's rows, where
 * {@link ForecastTracker} keeps them in {@link StoreCatalog#FORECAST_CASES_STORE} next to
 * {@link StoreCatalog#KPI_ROWS_STORE} (same key, same partition count: co-partitioned) and raises and resolves the
 * AT_RISK alerts, written to {@code alerts} and {@code alertHistory} like the breaches; it passes each change of the
 * cases it keeps to the verdict stage, in the same task. The query API and metrics compute the forecast from the
 * same two stores when read ({@link RowForecasts}).
 * <p>
 * Subtree rows (EVENTS.md section 6): each unit's projections of its open cases for its rows of the current periods
 * go, those changed since the last pass in one record per unit and pass ({@link ForecastParts}), to the top unit of
 * each subtree that counts the unit ({@value #FORECAST_PARTS_BY_TOP}, keyed as {@code subtree-changes-by-unit}:
 * co-partitioned with it) into the task that sums the subtree rows, where {@link SubtreeForecastTracker} keeps them
 * in {@link StoreCatalog#SUBTREE_FORECAST_PARTS_STORE} next to {@link StoreCatalog#SUBTREE_ROWS_STORE} and raises
 * and resolves the subtree rows' AT_RISK alerts.
 */
public final class ForecastTopology {

    public static final String OPEN_CASES_BY_UNIT = "open-cases-by-unit";
    public static final String FORECAST_PARTS_BY_TOP = "forecast-parts-by-top";

    private final TopicCatalog topics;
    private final Targets targets;
    private final ForecastSettings settings;
    private final Organisation organisation;
    private final Duration alertUpdateInterval;

    /** {@code alertUpdateInterval}: how often an open AT_RISK alert whose forecast moved is written again (UPDATED). */
    public ForecastTopology(final TopicCatalog topics, final Targets targets, final ForecastSettings settings,
                            final Organisation organisation, final Duration alertUpdateInterval) {
        this.topics = topics;
        this.targets = targets;
        this.settings = settings;
        this.organisation = organisation;
        this.alertUpdateInterval = alertUpdateInterval;
    }

    /**
     * @param cases          every change of a case history (keyed by caseId, in the histories' task)
     * @param rowChanges     the own rows each change changed (keyed by unit, in the rows' task)
     * @param subtreeChanges the subtree rows each spread changed (keyed by top unit, in the subtree rows' task)
     * @return the changes of the open cases {@link ForecastTracker} keeps, by unit and reception time, in the rows'
     *         task (for the verdict stage, which reads the same cases from {@link StoreCatalog#FORECAST_CASES_STORE},
     *         unit by unit, when a check first needs them)
     */
    public KStream<String, OpenCaseChange> addTo(final StreamsBuilder builder, final KStream<String, HistoryChange<CaseAssessment>> cases,
                      final KStream<String, RowOutput.Changes> rowChanges,
                      final KStream<String, RowOutput.Changes> subtreeChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.FORECAST_CASES_STORE), Serdes.String(),
            new ForecastCaseSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.FORECAST_ALERTS_STORE), Serdes.String(),
            JacksonSerde.json(KpiAlert.class)));
        builder.addStateStore(StoreCatalog.textStore(StoreCatalog.FORECAST_SPREAD_TREE_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_FORECAST_PARTS_STORE), Serdes.String(),
            new ForecastPartsSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_FORECAST_ALERTS_STORE), Serdes.String(),
            JacksonSerde.json(KpiAlert.class)));
        final KStream<String, ForecastCaseUpdate> openCases = cases
            .flatMap((caseId, change) -> ForecastCaseUpdates.of(change), Named.as("forecast-open-case-changes"))
            // re-keyed by unitId: the same partitions as the rows of the unit (kpi-changes-by-unit)
            .repartition(Repartitioned.<String, ForecastCaseUpdate>as(OPEN_CASES_BY_UNIT)
                .withKeySerde(Serdes.String()).withValueSerde(new ForecastCaseUpdateSerde()));
        final KStream<String, ForecastInput> caseChanges = openCases
            .mapValues((unitId, update) -> (ForecastInput) new ForecastInput.CaseChanged(unitId, update),
                Named.as("forecast-case-changed"));
        final KStream<String, ForecastInput> onTimeChanges = rowChanges
            .flatMapValues((unitId, changes) -> {
                final boolean closesCase = changes.rows().stream().anyMatch(ForecastTopology::closesCase);
                return closesCase || changes.rows().stream().anyMatch(ForecastTopology::onTimeChanged)
                    ? List.<ForecastInput>of(new ForecastInput.RowChanged(unitId, changes.entityId(), closesCase))
                    : List.<ForecastInput>of();
            }, Named.as("forecast-row-changed"));
        final var outputs = caseChanges
            .merge(onTimeChanges, Named.as("forecast-merge-inputs"))
            .process(() -> new ForecastTracker(targets, settings, organisation, alertUpdateInterval), Named.as("track-forecasts"),
                StoreCatalog.FORECAST_CASES_STORE, StoreCatalog.FORECAST_ALERTS_STORE, StoreCatalog.KPI_ROWS_STORE,
                StoreCatalog.FORECAST_SPREAD_TREE_STORE)
            .split(Named.as("forecast-output-"))
            .branch((key, output) -> output instanceof ForecastOutput.Alert, Branched.as("alerts"))
            .branch((key, output) -> output instanceof ForecastOutput.OpenCase, Branched.as("open-cases"))
            .defaultBranch(Branched.as("spreads"));
        final KStream<String, KpiAlert> alerts = outputs.get("forecast-output-alerts")
            .mapValues(output -> ((ForecastOutput.Alert) output).alert(), Named.as("unwrap-forecast-alerts"));
        alerts.to(topics.alerts().name(), topics.alerts().produced("write-forecast-alerts"));
        alerts.to(topics.alertHistory().name(), topics.alertHistory().produced("write-forecast-alert-history"));

        final KStream<String, SubtreeForecastInput> spreads = outputs.get("forecast-output-spreads")
            .mapValues(output -> ((ForecastOutput.Spread) output).parts(), Named.as("unwrap-forecast-spreads"))
            // keyed by the subtree's top unit: the same partitions as its subtree rows (subtree-changes-by-unit)
            .repartition(Repartitioned.<String, ForecastParts>as(FORECAST_PARTS_BY_TOP)
                .withKeySerde(Serdes.String()).withValueSerde(new ForecastPartsSerde()))
            .mapValues((top, parts) -> (SubtreeForecastInput) new SubtreeForecastInput.Spread(top, parts),
                Named.as("subtree-forecast-spread"));
        final KStream<String, SubtreeForecastInput> subtreeOnTimeChanges = subtreeChanges
            .filter((top, changes) -> changes.rows().stream().anyMatch(ForecastTopology::onTimeChanged),
                Named.as("subtree-forecast-filter-on-time-changes"))
            .mapValues((top, changes) -> (SubtreeForecastInput) new SubtreeForecastInput.RowChanged(top),
                Named.as("subtree-forecast-row-changed"));
        final KStream<String, KpiAlert> subtreeAlerts = spreads
            .merge(subtreeOnTimeChanges, Named.as("subtree-forecast-merge-inputs"))
            .process(() -> new SubtreeForecastTracker(targets, settings, organisation, alertUpdateInterval), Named.as("track-subtree-forecasts"),
                StoreCatalog.SUBTREE_FORECAST_PARTS_STORE, StoreCatalog.SUBTREE_FORECAST_ALERTS_STORE,
                StoreCatalog.SUBTREE_ROWS_STORE, StoreCatalog.SUBTREE_CHILDREN_STORE);
        subtreeAlerts.to(topics.alerts().name(), topics.alerts().produced("write-subtree-forecast-alerts"));
        subtreeAlerts.to(topics.alertHistory().name(), topics.alertHistory().produced("write-subtree-forecast-alert-history"));
        return outputs.get("forecast-output-open-cases")
            .mapValues(output -> ((ForecastOutput.OpenCase) output).change(), Named.as("unwrap-forecast-open-cases"));
    }

    /** A resolution or a withdrawal counted: the case of the change is no longer open. */
    private static boolean closesCase(final RowOutput.Change change) {
        return change.after().resolved() > change.before().resolved() || change.after().withdrawn() > change.before().withdrawn();
    }

    private static boolean onTimeChanged(final RowOutput.Change change) {
        return Kpi.ON_TIME_RATE.volume(change.before()) != Kpi.ON_TIME_RATE.volume(change.after())
            || Kpi.ON_TIME_RATE.numerator(change.before()) != Kpi.ON_TIME_RATE.numerator(change.after());
    }
}
