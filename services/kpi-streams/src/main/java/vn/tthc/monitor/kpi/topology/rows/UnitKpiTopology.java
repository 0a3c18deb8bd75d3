package vn.tthc.monitor.kpi.topology.rows;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.kpi.topology.KpiChange;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * KPI rows per (unit, field) and (unit, {@code *}) for each month, quarter and year: sums the
 * changes made by cases, feedback and surveys into {@link StoreCatalog#KPI_ROWS_STORE} (key
 * {@link KpiRowKeyFormat}, value counters), writes the changed rows to {@code kpiRows} (see
 * {@link KpiRowAggregator}) and returns the rows each change changed, keyed by unit, for the stages after it.
 */
public final class UnitKpiTopology {

    public static final String KPI_CHANGES = "kpi-changes-by-unit";
    /** The nodes that take the aggregator's snapshots and its row changes. */
    private static final String SNAPSHOTS = "unwrap-row-snapshots";
    private static final String CHANGES = "unwrap-row-changes";

    private final TopicCatalog topics;
    private final Targets targets;
    private final Duration emitInterval;

    /** {@code emitInterval}: how often the rows changed since the last time are written to {@code kpiRows}. */
    public UnitKpiTopology(final TopicCatalog topics, final Targets targets, final Duration emitInterval) {
        this.topics = topics;
        this.targets = targets;
        this.emitInterval = emitInterval;
    }

    /**
     * The changes split by unit and repartitioned by unitId ({@link #KPI_CHANGES}): what {@link #sum} sums, and what
     * other stages that need a unit's changes in the task of its rows read beside it.
     */
    public KStream<String, KpiChange> byUnit(final KStream<String, KpiChange> changes) {
        return changes
            .flatMap((key, change) -> change.byUnit().entrySet().stream()
                .map(unit -> KeyValue.pair(unit.getKey(), unit.getValue())).toList(), Named.as("split-changes-by-unit"))
            // re-keyed by unitId, so this repartitions: all rows of a unit are summed in one task
            .repartition(Repartitioned.<String, KpiChange>as(KPI_CHANGES)
                .withKeySerde(Serdes.String()).withValueSerde(new KpiChangeSerde()));
    }

    /**
     * Sums {@code byUnit} (from {@link #byUnit}) into the rows; returns the rows each change changed, keyed by unit,
     * for the alerts, the forecast and the verdicts.
     */
    public KStream<String, RowOutput.Changes> sum(final StreamsBuilder builder, final KStream<String, KpiChange> byUnit) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.KPI_ROWS_STORE), Serdes.String(), new KpiCountersSerde())
            // a unit's rows of the current periods change with nearly every event: the cache spares RocksDB and the changelog
            .withCachingEnabled());
        // the aggregator forwards each output to the one of these two that takes its kind, not through a split:
        // a change of a unit's row happens several times per event, and each node it passes costs
        final KStream<String, RowOutput> outputs = byUnit
            .process(() -> new KpiRowAggregator(targets, emitInterval, SNAPSHOTS, CHANGES), Named.as("sum-kpi-rows"),
                StoreCatalog.KPI_ROWS_STORE);
        outputs
            .mapValues(output -> ((RowOutput.Snapshot) output).status(), Named.as(SNAPSHOTS))
            .to(topics.kpiRows().name(), topics.kpiRows().produced("write-kpi-rows"));
        return outputs
            .mapValues(output -> (RowOutput.Changes) output, Named.as(CHANGES));
    }
}
