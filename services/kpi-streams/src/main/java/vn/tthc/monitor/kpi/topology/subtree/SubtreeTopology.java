package vn.tthc.monitor.kpi.topology.subtree;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.KpiChange;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * Subtree rows (EVENTS.md section 6) per (top unit, field or {@code *}, period): every change of a unit's own rows,
 * in the task of the own rows, goes to each subtree that counts the unit ({@link SubtreeSpreader}), by the top unit
 * ({@link #SUBTREE_CHANGES}), and is summed into {@link StoreCatalog#SUBTREE_ROWS_STORE} with each child's part in
 * {@link StoreCatalog#SUBTREE_CHILDREN_STORE} ({@link SubtreeRowAggregator}). The changed rows are written to
 * {@code kpiRows} (key {@code ["unit","field","period","subtree"]}, scope {@code subtree}); every subtree row change
 * is returned, keyed by row, for the alerts. With an organisation without children, or none, nothing is spread.
 */
public final class SubtreeTopology {

    public static final String SUBTREE_CHANGES = "subtree-changes-by-unit";
    /**
     * How soon after a start over a new organisation a task of the own rows spreads them all (a punctuation, in the
     * task's own transaction): soon, as the subtree rows are missing until then (a replay that ends first reports none).
     */
    private static final Duration SPREAD_ALL_AFTER = Duration.ofMillis(100);

    private final TopicCatalog topics;
    private final Targets targets;
    private final Duration emitInterval;
    private final Organisation organisation;

    public SubtreeTopology(final TopicCatalog topics, final Targets targets, final Duration emitInterval,
                           final Organisation organisation) {
        this.topics = topics;
        this.targets = targets;
        this.emitInterval = emitInterval;
        this.organisation = organisation;
    }

    /**
     * {@code byUnit}: the own rows' changes by unit, in the task of the own rows (the rows stage's input: the spreader
     * reads the own rows store to spread them all again when the tree changes).
     */
    public KStream<String, RowOutput.Change> addTo(final StreamsBuilder builder, final KStream<String, KpiChange> byUnit) {
        builder.addStateStore(StoreCatalog.textStore(StoreCatalog.SUBTREE_SPREAD_TREE_STORE));
        builder.addStateStore(StoreCatalog.textStore(StoreCatalog.SUBTREE_ROWS_TREE_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_ROWS_STORE), Serdes.String(), new KpiCountersSerde())
            // a top unit's rows of the current periods change with nearly every event under it
            .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_CHILDREN_STORE), Serdes.String(), new KpiCountersSerde())
            .withCachingEnabled());
        final var outputs = byUnit
            .process(() -> new SubtreeSpreader(organisation, SPREAD_ALL_AFTER), Named.as("spread-to-subtrees"),
                StoreCatalog.KPI_ROWS_STORE, StoreCatalog.SUBTREE_SPREAD_TREE_STORE)
            // keyed by the subtree's top unit, so this repartitions: all subtree rows of a unit are summed in one task
            .repartition(Repartitioned.<String, SubtreeChange>as(SUBTREE_CHANGES)
                .withKeySerde(Serdes.String()).withValueSerde(new SubtreeChangeSerde()))
            .process(() -> new SubtreeRowAggregator(targets, emitInterval, organisation), Named.as("sum-subtree-rows"),
                StoreCatalog.SUBTREE_ROWS_STORE, StoreCatalog.SUBTREE_CHILDREN_STORE, StoreCatalog.SUBTREE_ROWS_TREE_STORE)
            .split(Named.as("subtree-row-"))
            .branch((key, output) -> output instanceof RowOutput.Snapshot, Branched.as("snapshots"))
            .defaultBranch(Branched.as("changes"));
        outputs.get("subtree-row-snapshots")
            .mapValues(output -> ((RowOutput.Snapshot) output).status(), Named.as("unwrap-subtree-row-snapshots"))
            .to(topics.kpiRows().name(), topics.kpiRows().produced("write-subtree-rows"));
        return outputs.get("subtree-row-changes")
            .mapValues(output -> (RowOutput.Change) output, Named.as("unwrap-subtree-row-changes"));
    }

    /** The organisation's tag on the changes spread over it: the first 64 bits of its fingerprint. */
    static long treeTag(final Organisation organisation) {
        return Long.parseUnsignedLong(organisation.fingerprint().substring(0, 16), 16);
    }
}
