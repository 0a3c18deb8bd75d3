package vn.tthc.monitor.kpi.topology.subtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.topology.DecodedRows;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Sums the parts of the subtree rows of the top units of this task into {@link StoreCatalog#SUBTREE_ROWS_STORE}
 * (a row whose counters all return to zero is deleted): each unit's part of each row is kept as it was last spread
 * ({@link StoreCatalog#SUBTREE_PARTS_STORE}), and a part that comes again replaces it, the row moving by the
 * difference, so that a part spread twice changes nothing. Each child's part of the rows is moved alike in
 * {@link StoreCatalog#SUBTREE_CHILDREN_STORE} (what alerts name as the driving children). Forwards the row changes
 * of each spread at once, in one record keyed by the top, for alerts, and the changed rows as snapshots every
 * {@code emitInterval}, as the own rows do; the rows and parts changed most recently are kept decoded in memory
 * ({@link DecodedRows}), as the own rows' are.
 * <p>
 * The rows are built over one organisation, which {@link StoreCatalog#SUBTREE_ROWS_TREE_STORE} records
 * ({@link SubtreeTopology#builtOver}). When the service starts with another one, the task empties its subtree rows
 * first (each row's change to zero goes to the alerts, which resolve) and drops the parts spread over the old tree
 * that were still on their way; the tasks of the own rows spread them all again over the new tree
 * ({@link SubtreeSpreader}).
 */
final class SubtreeRowAggregator implements Processor<String, SubtreeParts, String, RowOutput> {

    private static final String TREE = "tree";
    /** How many decoded rows, and as many children's parts, to keep in memory: the current periods' rows of many tops. */
    private static final int RECENT_ROWS = 20_000;

    private final Targets targets;
    private final Duration emitInterval;
    private final String builtOver;
    private final long tree;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<String, RowOutput> context;
    private KeyValueStore<String, KpiCounters> rows;
    private KeyValueStore<String, KpiCounters> children;
    private KeyValueStore<String, KpiCounters> parts;
    private DecodedRows decodedRows;
    private DecodedRows decodedChildren;
    private DecodedRows decodedParts;
    private KeyValueStore<String, String> rowsTree;
    private boolean snapshotAll;
    private boolean emptyPending;

    SubtreeRowAggregator(final Targets targets, final Duration emitInterval, final Organisation organisation) {
        this.targets = targets;
        this.emitInterval = emitInterval;
        this.builtOver = SubtreeTopology.builtOver(organisation);
        this.tree = organisation.fingerprintTag();
    }

    @Override
    public void init(final ProcessorContext<String, RowOutput> context) {
        this.context = context;
        this.rows = context.getStateStore(StoreCatalog.SUBTREE_ROWS_STORE);
        this.children = context.getStateStore(StoreCatalog.SUBTREE_CHILDREN_STORE);
        this.parts = context.getStateStore(StoreCatalog.SUBTREE_PARTS_STORE);
        this.rowsTree = context.getStateStore(StoreCatalog.SUBTREE_ROWS_TREE_STORE);
        this.decodedRows = new DecodedRows(rows, RECENT_ROWS);
        this.decodedChildren = new DecodedRows(children, RECENT_ROWS);
        this.decodedParts = new DecodedRows(parts, RECENT_ROWS);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        changed.clear();
        snapshotAll = true;
        emptyPending = !builtOver.equals(rowsTree.get(TREE));
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::snapshot);
    }

    @Override
    public void process(final Record<String, SubtreeParts> record) {
        if (emptyPending) {
            empty(record.timestamp());
        }
        final SubtreeParts spread = record.value();
        if (spread.tree() != tree) {
            return;
        }
        final String top = record.key();
        final List<RowOutput.Change> rowChanges = new ArrayList<>();
        for (final Map.Entry<KpiRowKey, KpiCounters> own : spread.rows().rows().entrySet()) {
            replacePart(top, spread.child(), own.getKey(), own.getValue(), rowChanges);
        }
        if (spread.whole()) {
            // the unit's parts of rows it no longer has (deleted, back to zero, before its task was revived)
            for (final String partKey : keys(parts, partsPrefix(top, spread.unitId()))) {
                final KpiRowKey own = ownRow(top, partKey);
                if (!spread.rows().rows().containsKey(own)) {
                    replacePart(top, spread.child(), own, KpiCounters.ZERO, rowChanges);
                }
            }
        }
        if (!rowChanges.isEmpty()) {
            context.forward(record.withValue(new RowOutput.Changes(null, rowChanges)));
        }
    }

    /**
     * Replaces the unit's part of a row of the top by {@code counters}, and moves the row and the child's part by the
     * difference; adds the row's change to {@code rowChanges}.
     */
    private void replacePart(final String top, final String child, final KpiRowKey own, final KpiCounters counters,
                             final List<RowOutput.Change> rowChanges) {
        final String partKey = partKey(top, own);
        final KpiCounters difference = counters.minus(decodedParts.get(partKey));
        if (difference.isZero()) {
            return;
        }
        decodedParts.put(partKey, counters);
        final KpiRowKey row = new KpiRowKey(top, own.fieldId(), own.period());
        final String key = KpiRowKeyFormat.format(row);
        final KpiCounters before = decodedRows.get(key);
        final KpiCounters after = before.plus(difference);
        decodedRows.put(key, after);
        if (!child.isEmpty()) {
            final String childKey = KpiRowKeyFormat.withPart(key, child);
            decodedChildren.put(childKey, decodedChildren.get(childKey).plus(difference));
        }
        changed.add(key);
        rowChanges.add(new RowOutput.Change(key, row, before, after));
    }

    /** A unit's part of a row of the top: {@code ["top","unit","field","period"]}, the own row's key with the top in front. */
    private static String partKey(final String top, final KpiRowKey own) {
        return KpiRowKeyFormat.unitPrefix(top) + KpiRowKeyFormat.format(own).substring(1);
    }

    /** The prefix of every part of one unit under the top: {@code ["top","unit",}. */
    private static String partsPrefix(final String top, final String unitId) {
        return KpiRowKeyFormat.unitPrefix(top) + KpiRowKeyFormat.unitPrefix(unitId).substring(1);
    }

    /** The own row of a part's key: its key without the top. */
    private static KpiRowKey ownRow(final String top, final String partKey) {
        return KpiRowKeyFormat.parse("[" + partKey.substring(KpiRowKeyFormat.unitPrefix(top).length()));
    }

    /** Empties the subtree rows built over another organisation: each goes to zero, for the alerts, and from the topic. */
    private void empty(final long timestamp) {
        for (final String key : keys(rows)) {
            final KpiCounters before = rows.get(key);
            final KpiRowKey row = KpiRowKeyFormat.parse(key);
            rows.delete(key);
            changed.add(key);
            context.forward(new Record<>(row.unitId(), new RowOutput.Changes(null,
                List.of(new RowOutput.Change(key, row, before, KpiCounters.ZERO))), timestamp));
        }
        keys(children).forEach(children::delete);
        keys(parts).forEach(parts::delete);
        decodedRows.clear();
        decodedChildren.clear();
        decodedParts.clear();
        rowsTree.put(TREE, builtOver);
        emptyPending = false;
    }

    private static List<String> keys(final KeyValueStore<String, KpiCounters> store) {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, KpiCounters> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static List<String> keys(final KeyValueStore<String, KpiCounters> store, final String prefix) {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, KpiCounters> matching = store.prefixScan(prefix, new StringSerializer())) {
            matching.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private void snapshot(final long now) {
        if (emptyPending) {
            empty(now);
        }
        if (snapshotAll) {
            snapshotAll = false;
            try (KeyValueIterator<String, KpiCounters> all = rows.all()) {
                all.forEachRemaining(row -> forwardSnapshot(row.key, row.value, now));
            }
            // the rows emptied since the start (over another organisation) leave the topic
            changed.removeIf(key -> rows.get(key) != null);
        }
        for (final String key : changed) {
            forwardSnapshot(key, rows.get(key), now);
        }
        changed.clear();
    }

    /** The row on the KPI rows topic, under its key with {@code "subtree"} appended; {@code null} when it emptied. */
    private void forwardSnapshot(final String key, final KpiCounters counters, final long now) {
        final KpiRowStatus status = counters == null ? null
            : KpiRowStatus.of(KpiRowKeyFormat.parse(key), Scope.SUBTREE, counters, targets);
        context.forward(new Record<>(KpiRowKeyFormat.withPart(key, Scope.SUBTREE.wireName()),
            new RowOutput.Snapshot(status), now));
    }
}
