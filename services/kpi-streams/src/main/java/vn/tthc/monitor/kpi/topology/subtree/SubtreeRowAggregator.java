package vn.tthc.monitor.kpi.topology.subtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Sums the changes of the subtree rows of the top units of this task into {@link StoreCatalog#SUBTREE_ROWS_STORE}
 * (a row whose counters all return to zero is deleted), and each child's part of them into
 * {@link StoreCatalog#SUBTREE_CHILDREN_STORE} (what alerts name as the driving children); forwards each row change
 * at once, for alerts, and the changed rows as snapshots every {@code emitInterval}, as the own rows do; the rows and
 * parts changed most recently are kept decoded in memory ({@link DecodedRows}), as the own rows' are.
 * <p>
 * The rows are built over one organisation, whose fingerprint {@link StoreCatalog#SUBTREE_ROWS_TREE_STORE} keeps.
 * When the service starts with another one, the task empties its subtree rows first (each row's change to zero
 * goes to the alerts, which resolve) and drops the changes spread over the old tree that were still on their way;
 * the tasks of the own rows spread them all again over the new tree ({@link SubtreeSpreader}).
 */
final class SubtreeRowAggregator implements Processor<String, SubtreeChange, String, RowOutput> {

    private static final String TREE = "tree";
    /** How many decoded rows, and as many children's parts, to keep in memory: the current periods' rows of many tops. */
    private static final int RECENT_ROWS = 20_000;

    private final Targets targets;
    private final Duration emitInterval;
    private final Organisation organisation;
    private final long tree;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<String, RowOutput> context;
    private KeyValueStore<String, KpiCounters> rows;
    private KeyValueStore<String, KpiCounters> children;
    private DecodedRows decodedRows;
    private DecodedRows decodedChildren;
    private KeyValueStore<String, String> rowsTree;
    private boolean snapshotAll;
    private boolean emptyPending;

    SubtreeRowAggregator(final Targets targets, final Duration emitInterval, final Organisation organisation) {
        this.targets = targets;
        this.emitInterval = emitInterval;
        this.organisation = organisation;
        this.tree = SubtreeTopology.treeTag(organisation);
    }

    @Override
    public void init(final ProcessorContext<String, RowOutput> context) {
        this.context = context;
        this.rows = context.getStateStore(StoreCatalog.SUBTREE_ROWS_STORE);
        this.children = context.getStateStore(StoreCatalog.SUBTREE_CHILDREN_STORE);
        this.rowsTree = context.getStateStore(StoreCatalog.SUBTREE_ROWS_TREE_STORE);
        this.decodedRows = new DecodedRows(rows, RECENT_ROWS);
        this.decodedChildren = new DecodedRows(children, RECENT_ROWS);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        changed.clear();
        snapshotAll = true;
        emptyPending = !organisation.fingerprint().equals(rowsTree.get(TREE));
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::snapshot);
    }

    @Override
    public void process(final Record<String, SubtreeChange> record) {
        if (emptyPending) {
            empty(record.timestamp());
        }
        final SubtreeChange change = record.value();
        if (change.tree() != tree) {
            return;
        }
        for (final Map.Entry<KpiRowKey, KpiCounters> row : change.rows().rows().entrySet()) {
            final String key = KpiRowKeyFormat.format(row.getKey());
            final KpiCounters before = decodedRows.get(key);
            final KpiCounters after = before.plus(row.getValue());
            decodedRows.put(key, after);
            if (!change.child().isEmpty()) {
                final String childKey = KpiRowKeyFormat.withPart(key, change.child());
                decodedChildren.put(childKey, decodedChildren.get(childKey).plus(row.getValue()));
            }
            changed.add(key);
            context.forward(record.withKey(key).withValue(new RowOutput.Change(null, row.getKey(), before, after)));
        }
    }

    /** Empties the subtree rows built over another organisation: each goes to zero, for the alerts, and from the topic. */
    private void empty(final long timestamp) {
        for (final String key : keys(rows)) {
            final KpiCounters before = rows.get(key);
            rows.delete(key);
            changed.add(key);
            context.forward(new Record<>(key, new RowOutput.Change(null, KpiRowKeyFormat.parse(key), before,
                KpiCounters.ZERO), timestamp));
        }
        keys(children).forEach(children::delete);
        decodedRows.clear();
        decodedChildren.clear();
        rowsTree.put(TREE, organisation.fingerprint());
        emptyPending = false;
    }

    private static List<String> keys(final KeyValueStore<String, KpiCounters> store) {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, KpiCounters> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
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
