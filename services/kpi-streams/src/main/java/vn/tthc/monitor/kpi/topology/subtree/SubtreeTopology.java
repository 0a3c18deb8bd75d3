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
 * Subtree rows (EVENTS.md section 6) per (top unit, field or {@code *}, period): every emit interval, in the task of
 * the own rows, the own rows changed since the last time go with their counters as they are now to each subtree that
 * counts their unit ({@link SubtreeSpreader}), by the top unit ({@link #SUBTREE_CHANGES}), where each unit's part
 * replaces the one before and the rows of {@link StoreCatalog#SUBTREE_ROWS_STORE}, with each child's part in
 * {@link StoreCatalog#SUBTREE_CHILDREN_STORE}, move by the difference ({@link SubtreeRowAggregator}). The subtree rows
 * so follow the own rows by up to one emit interval. The changed rows are written to {@code kpiRows} (key
 * {@code ["unit","field","period","subtree"]}, scope {@code subtree}); every subtree row change is returned, keyed by
 * row, for the alerts. With an organisation without children, or none, nothing is spread.
 */
public final class SubtreeTopology {

    public static final String SUBTREE_CHANGES = "subtree-changes-by-unit";
    /**
     * How soon after a start that finds its own rows not all spread (a new organisation, or a stop with changes not yet
     * spread) a task of the own rows spreads them all (a punctuation, in the task's own transaction): soon, as the
     * subtree rows are missing or behind until then.
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
    public KStream<String, RowOutput.Changes> addTo(final StreamsBuilder builder, final KStream<String, KpiChange> byUnit) {
        builder.addStateStore(StoreCatalog.textStore(StoreCatalog.SUBTREE_SPREAD_TREE_STORE));
        builder.addStateStore(StoreCatalog.textStore(StoreCatalog.SUBTREE_ROWS_TREE_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_ROWS_STORE), Serdes.String(), new KpiCountersSerde())
            // a top unit's rows of the current periods change with nearly every event under it
            .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_CHILDREN_STORE), Serdes.String(), new KpiCountersSerde())
            .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_PARTS_STORE), Serdes.String(), new KpiCountersSerde())
            .withCachingEnabled());
        final var outputs = byUnit
            .process(() -> new SubtreeSpreader(organisation, SPREAD_ALL_AFTER, emitInterval), Named.as("spread-to-subtrees"),
                StoreCatalog.KPI_ROWS_STORE, StoreCatalog.SUBTREE_SPREAD_TREE_STORE)
            // keyed by the subtree's top unit, so this repartitions: all subtree rows of a unit are summed in one task
            .repartition(Repartitioned.<String, SubtreeParts>as(SUBTREE_CHANGES)
                .withKeySerde(Serdes.String()).withValueSerde(new SubtreePartsSerde()))
            .process(() -> new SubtreeRowAggregator(targets, emitInterval, organisation), Named.as("sum-subtree-rows"),
                StoreCatalog.SUBTREE_ROWS_STORE, StoreCatalog.SUBTREE_CHILDREN_STORE, StoreCatalog.SUBTREE_PARTS_STORE,
                StoreCatalog.SUBTREE_ROWS_TREE_STORE)
            .split(Named.as("subtree-row-"))
            .branch((key, output) -> output instanceof RowOutput.Snapshot, Branched.as("snapshots"))
            .defaultBranch(Branched.as("changes"));
        outputs.get("subtree-row-snapshots")
            .mapValues(output -> ((RowOutput.Snapshot) output).status(), Named.as("unwrap-subtree-row-snapshots"))
            .to(topics.kpiRows().name(), topics.kpiRows().produced("write-subtree-rows"));
        return outputs.get("subtree-row-changes")
            .mapValues(output -> (RowOutput.Changes) output, Named.as("unwrap-subtree-row-changes"));
    }

    /**
     * What the subtree stores record they were built over: the organisation's fingerprint, and that they are built
     * from absolute parts (a service upgraded from the spread of changes, which kept no parts, builds them again).
     */
    static String builtOver(final Organisation organisation) {
        return organisation.fingerprint() + " parts";
    }
}
