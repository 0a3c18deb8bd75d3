package vn.tthc.monitor.kpi.topology.subtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * In the task of the own rows, beside the rows stage: sends each change of a unit's own rows to every subtree that
 * counts the unit ({@link Organisation#subtreesCounting}), keyed by the subtree's top unit, with the child of the
 * top under which the unit sits: one record per subtree and change, whatever the number of rows.
 * <p>
 * When the own rows were last spread over another organisation (or never: the first start), the task spreads all
 * of its own rows again, whole, over this one, at its first punctuation ({@link #spreadAll}), and records the tree
 * in {@link StoreCatalog#SUBTREE_SPREAD_TREE_STORE} in the same transaction. Until then it spreads nothing: the rows
 * stage stores the changes meanwhile, and the rows are spread with them. The first change it leaves so marks the
 * tree store as spread over none, so that a restart before the punctuation (even with the former file again)
 * spreads all again too.
 */
final class SubtreeSpreader implements Processor<String, KpiChange, String, SubtreeChange> {

    private static final String TREE = "tree";
    private static final String NO_TREE = "";

    private final Organisation organisation;
    private final long tree;
    private final Duration spreadAllAfter;
    /** Each unit's subtrees: the top unit and the child under which the unit sits, resolved once. */
    private final Map<String, List<Route>> routes = new HashMap<>();
    private ProcessorContext<String, SubtreeChange> context;
    private KeyValueStore<String, KpiCounters> ownRows;
    private KeyValueStore<String, String> spreadTree;
    private boolean spreadAllPending;
    private boolean markedUnspread;
    private Cancellable spreadAllTimer;

    /** {@code spreadAllAfter}: how soon after a start with a new tree the task spreads its rows over it. */
    SubtreeSpreader(final Organisation organisation, final Duration spreadAllAfter) {
        this.organisation = organisation;
        this.tree = SubtreeTopology.treeTag(organisation);
        this.spreadAllAfter = spreadAllAfter;
    }

    @Override
    public void init(final ProcessorContext<String, SubtreeChange> context) {
        this.context = context;
        this.ownRows = context.getStateStore(StoreCatalog.KPI_ROWS_STORE);
        this.spreadTree = context.getStateStore(StoreCatalog.SUBTREE_SPREAD_TREE_STORE);
        final String spreadOver = spreadTree.get(TREE);
        spreadAllPending = !organisation.fingerprint().equals(spreadOver);
        markedUnspread = NO_TREE.equals(spreadOver);
        if (spreadAllPending) {
            spreadAllTimer = context.schedule(spreadAllAfter, PunctuationType.WALL_CLOCK_TIME, this::spreadAll);
        }
    }

    @Override
    public void process(final Record<String, KpiChange> record) {
        if (spreadAllPending) {
            if (!markedUnspread) {
                spreadTree.put(TREE, NO_TREE);
                markedUnspread = true;
            }
            return;
        }
        byUnit(record.value().rows().rows()).forEach((unitId, rows) -> spread(unitId, rows, record.timestamp()));
    }

    /** Spreads every own row of this task, whole, over the organisation, and records that it did. */
    private void spreadAll(final long timestamp) {
        final Map<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        try (KeyValueIterator<String, KpiCounters> all = ownRows.all()) {
            all.forEachRemaining(row -> rows.put(KpiRowKeyFormat.parse(row.key), row.value));
        }
        byUnit(rows).forEach((unitId, unitRows) -> spread(unitId, unitRows, timestamp));
        spreadTree.put(TREE, organisation.fingerprint());
        spreadAllPending = false;
        spreadAllTimer.cancel();
    }

    private void spread(final String unitId, final Map<KpiRowKey, KpiCounters> rows, final long timestamp) {
        for (final Route route : routes(unitId)) {
            final TreeMap<KpiRowKey, KpiCounters> subtreeRows = new TreeMap<>();
            rows.forEach((own, counters) ->
                subtreeRows.put(new KpiRowKey(route.top(), own.fieldId(), own.period()), counters));
            context.forward(new Record<>(route.top(),
                new SubtreeChange(tree, route.child(), new KpiContribution(subtreeRows)), timestamp));
        }
    }

    private static Map<String, Map<KpiRowKey, KpiCounters>> byUnit(final Map<KpiRowKey, KpiCounters> rows) {
        final Map<String, Map<KpiRowKey, KpiCounters>> byUnit = new TreeMap<>();
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

    /** A subtree that counts a unit: its top unit, and the child of the top on the way down to the unit ("" for the top). */
    private record Route(String top, String child) {
    }
}
