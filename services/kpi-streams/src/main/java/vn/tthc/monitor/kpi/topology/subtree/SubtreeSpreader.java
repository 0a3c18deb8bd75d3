package vn.tthc.monitor.kpi.topology.subtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.kpi.topology.KpiChange;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TaskGauge;

/**
 * In the task of the own rows, beside the rows stage: remembers which own rows changed, and every
 * {@code spreadInterval} sends each changed row's counters as they are now ({@link StoreCatalog#KPI_ROWS_STORE}) to
 * every subtree that counts its unit ({@link Organisation#subtreesCounting}), keyed by the subtree's top unit, with
 * the child of the top under which the unit sits: one record per unit and subtree per interval, whatever the number
 * of events and rows ({@link SubtreeParts}). The subtree rows so follow the own rows by up to one interval.
 * <p>
 * The rows changed since the last spread are in memory only; the tree store says whether the task may have lost
 * some. It holds the tree over which every own row of the task is spread ({@link SubtreeTopology#builtOver}); the
 * first change after a spread marks it as spread over none (one write per interval), and each spread marks it spread
 * again, in the same transaction as the parts it sends. A task that starts (or is revived after an aborted
 * transaction) and does not find its tree there spreads all of its own rows, whole, over it ({@link #spreadAll}),
 * soon after ({@code spreadAllAfter}): after a change of the organisation file, the first start, or a stop with
 * changes not yet spread. Until then it spreads nothing: the rows stage stores the changes meanwhile, and the rows
 * are spread with them.
 * <p>
 * {@link SpreadBacklog} tells a replay whether anything is on its way: from a change until the punctuation after the
 * one that spread it, which requests a commit first when nothing changed since, so that the parts are committed.
 */
final class SubtreeSpreader implements Processor<String, KpiChange, String, SubtreeParts> {

    private static final String TREE = "tree";
    private static final String NO_TREE = "";

    private final Organisation organisation;
    private final String builtOver;
    private final long tree;
    private final Duration spreadAllAfter;
    private final Duration spreadInterval;
    /** Each unit's subtrees: the top unit and the child under which the unit sits, resolved once. */
    private final Map<String, List<Route>> routes = new HashMap<>();
    /** The own rows changed since the last spread. */
    private final Set<KpiRowKey> changed = new HashSet<>();
    private ProcessorContext<String, SubtreeParts> context;
    private KeyValueStore<String, KpiCounters> ownRows;
    private KeyValueStore<String, String> spreadTree;
    private TaskGauge backlog;
    private boolean spreadAllPending;
    private boolean markedUnspread;
    /** A spread whose parts may not be committed yet, and whether a commit was requested for it. */
    private boolean spreadUncommitted;
    private boolean commitRequested;
    private Cancellable spreadAllTimer;

    /**
     * {@code spreadAllAfter}: how soon after a start that finds the own rows not all spread the task spreads them;
     * {@code spreadInterval}: how often it spreads the rows changed since the last time.
     */
    SubtreeSpreader(final Organisation organisation, final Duration spreadAllAfter, final Duration spreadInterval) {
        this.organisation = organisation;
        this.builtOver = SubtreeTopology.builtOver(organisation);
        this.tree = organisation.fingerprintTag();
        this.spreadAllAfter = spreadAllAfter;
        this.spreadInterval = spreadInterval;
    }

    @Override
    public void init(final ProcessorContext<String, SubtreeParts> context) {
        this.context = context;
        this.ownRows = context.getStateStore(StoreCatalog.KPI_ROWS_STORE);
        this.spreadTree = context.getStateStore(StoreCatalog.SUBTREE_SPREAD_TREE_STORE);
        this.backlog = TaskGauge.of(context, SpreadBacklog.GAUGE);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        changed.clear();
        spreadUncommitted = false;
        commitRequested = false;
        final String spreadOver = spreadTree.get(TREE);
        spreadAllPending = !builtOver.equals(spreadOver);
        markedUnspread = NO_TREE.equals(spreadOver);
        if (spreadAllPending) {
            spreadAllTimer = context.schedule(spreadAllAfter, PunctuationType.WALL_CLOCK_TIME, this::spreadAll);
        }
        context.schedule(spreadInterval, PunctuationType.WALL_CLOCK_TIME, this::spreadChanged);
        backlog.record(pending() ? 1 : 0);
    }

    @Override
    public void process(final Record<String, KpiChange> record) {
        for (final KpiRowKey row : record.value().rows().rows().keySet()) {
            if (!routes(row.unitId()).isEmpty()) {
                changedOnce(row);
            }
        }
    }

    /** Notes an own row's change, unless all rows are to be spread anyway. */
    private void changedOnce(final KpiRowKey row) {
        if (!markedUnspread) {
            spreadTree.put(TREE, NO_TREE);
            markedUnspread = true;
        }
        if (spreadAllPending) {
            return;
        }
        if (changed.isEmpty()) {
            backlog.record(1);
        }
        changed.add(row);
    }

    /** Spreads the rows changed since the last time, as they are now; requests a commit once nothing changes. */
    private void spreadChanged(final long timestamp) {
        if (spreadAllPending) {
            return;
        }
        if (!changed.isEmpty()) {
            final SortedMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
            for (final KpiRowKey key : changed) {
                final KpiCounters counters = ownRows.get(KpiRowKeyFormat.format(key));
                rows.put(key, counters == null ? KpiCounters.ZERO : counters);
            }
            changed.clear();
            byUnit(rows).forEach((unitId, unitRows) -> spread(unitId, unitRows, false, timestamp));
            markSpread();
        } else if (spreadUncommitted) {
            // the last parts go out with the next commit: asked now, done before the next punctuation
            context.commit();
            spreadUncommitted = false;
            commitRequested = true;
        } else {
            commitRequested = false;
        }
        backlog.record(pending() ? 1 : 0);
    }

    /** Spreads every own row of this task, whole, over the organisation, and records that it did. */
    private void spreadAll(final long timestamp) {
        final SortedMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        try (KeyValueIterator<String, KpiCounters> all = ownRows.all()) {
            all.forEachRemaining(row -> rows.put(KpiRowKeyFormat.parse(row.key), row.value));
        }
        byUnit(rows).forEach((unitId, unitRows) -> spread(unitId, unitRows, true, timestamp));
        spreadAllPending = false;
        spreadAllTimer.cancel();
        markSpread();
        backlog.record(pending() ? 1 : 0);
    }

    private void markSpread() {
        spreadTree.put(TREE, builtOver);
        markedUnspread = false;
        spreadUncommitted = true;
        commitRequested = false;
    }

    private boolean pending() {
        return spreadAllPending || !changed.isEmpty() || spreadUncommitted || commitRequested;
    }

    private void spread(final String unitId, final SortedMap<KpiRowKey, KpiCounters> rows, final boolean whole,
                        final long timestamp) {
        final KpiContribution parts = new KpiContribution(rows);
        for (final Route route : routes(unitId)) {
            context.forward(new Record<>(route.top(), new SubtreeParts(tree, route.child(), unitId, whole, parts),
                timestamp));
        }
    }

    private static Map<String, SortedMap<KpiRowKey, KpiCounters>> byUnit(final SortedMap<KpiRowKey, KpiCounters> rows) {
        final Map<String, SortedMap<KpiRowKey, KpiCounters>> byUnit = new TreeMap<>();
        rows.forEach((key, counters) -> byUnit.computeIfAbsent(key.unitId(), unit -> new TreeMap<>()).put(key, counters));
        return byUnit;
    }

    private List<Route> routes(final String unitId) {
        return routes.computeIfAbsent(unitId, this::routesOf);
    }

    /** The unit's own subtree (when it has children, child empty), then each ancestor's with the child on the way up. */
    private List<Route> routesOf(final String unitId) {
        final List<Route> unitRoutes = new ArrayList<>();
        if (organisation.hasChildren(unitId)) {
            unitRoutes.add(new Route(unitId, ""));
        }
        String child = unitId;
        for (final OrganisationUnit ancestor : organisation.ancestors(unitId)) {
            unitRoutes.add(new Route(ancestor.id(), child));
            child = ancestor.id();
        }
        return List.copyOf(unitRoutes);
    }

    @Override
    public void close() {
        backlog.remove();
    }

    /** A subtree that counts a unit: its top unit, and the child of the top on the way down to the unit ("" for the top). */
    private record Route(String top, String child) {
    }
}
