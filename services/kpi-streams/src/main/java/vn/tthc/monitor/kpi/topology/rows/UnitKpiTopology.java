package vn.tthc.monitor.kpi.topology.rows;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
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
 * {@link KpiRowAggregator}) and returns every row change, keyed by row, for the alerts.
 */
public final class UnitKpiTopology {

    public static final String KPI_CHANGES = "kpi-changes-by-unit";

    private final TopicCatalog topics;
    private final Targets targets;
    private final Duration emitInterval;

    /** {@code emitInterval}: how often the rows changed since the last time are written to {@code kpiRows}. */
    public UnitKpiTopology(final TopicCatalog topics, final Targets targets, final Duration emitInterval) {
        this.topics = topics;
        this.targets = targets;
        this.emitInterval = emitInterval;
    }

    public KStream<String, RowOutput.Change> addTo(final StreamsBuilder builder, final KStream<String, KpiChange> changes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.KPI_ROWS_STORE), Serdes.String(), new KpiCountersSerde())
            // a unit's rows of the current periods change with nearly every event: the cache spares RocksDB and the changelog
            .withCachingEnabled());
        final var outputs = changes
            .flatMap((key, change) -> change.byUnit().entrySet().stream()
                .map(unit -> KeyValue.pair(unit.getKey(), unit.getValue())).toList(), Named.as("split-changes-by-unit"))
            // re-keyed by unitId, so this repartitions: all rows of a unit are summed in one task
            .repartition(Repartitioned.<String, KpiChange>as(KPI_CHANGES)
                .withKeySerde(Serdes.String()).withValueSerde(new KpiChangeSerde()))
            .process(() -> new KpiRowAggregator(targets, emitInterval), Named.as("sum-kpi-rows"),
                StoreCatalog.KPI_ROWS_STORE)
            .split(Named.as("row-"))
            .branch((key, output) -> output instanceof RowOutput.Snapshot, Branched.as("snapshots"))
            .defaultBranch(Branched.as("changes"));
        outputs.get("row-snapshots")
            .mapValues(output -> ((RowOutput.Snapshot) output).status(), Named.as("unwrap-row-snapshots"))
            .to(topics.kpiRows().name(), topics.kpiRows().produced("write-kpi-rows"));
        return outputs.get("row-changes")
            .mapValues(output -> (RowOutput.Change) output, Named.as("unwrap-row-changes"));
    }
}
