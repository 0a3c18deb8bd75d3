package vn.tthc.monitor.kpi.topology.subtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * In the task of the own rows: sends each own row's change to every subtree that counts its unit
 * ({@link Organisation#subtreesCounting}), keyed by the subtree's top unit, with the child of the top under which
 * the unit sits. When the own rows were last spread over another organisation (or never: the first start), the
 * task spreads all of its own rows once more, whole, over this one, before any change ({@link #spreadAll}); the
 * tree they were spread over is kept in {@link StoreCatalog#SUBTREE_SPREAD_TREE_STORE}, written in the same
 * transaction.
 */
final class SubtreeSpreader implements Processor<String, RowOutput.Change, String, SubtreeChange> {

    private static final String TREE = "tree";

    private final Organisation organisation;
    private final long tree;
    private final Duration spreadAllAfter;
    /** Each unit's subtrees: the top unit and the child under which the unit sits, resolved once. */
    private final Map<String, List<Route>> routes = new HashMap<>();
    private ProcessorContext<String, SubtreeChange> context;
    private KeyValueStore<String, KpiCounters> ownRows;
    private KeyValueStore<String, String> spreadTree;
    private boolean spreadAllPending;
    private Cancellable spreadAllTimer;

    /** {@code spreadAllAfter}: how soon a task that receives no change spreads its rows over a new tree. */
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
        spreadAllPending = !organisation.fingerprint().equals(spreadTree.get(TREE));
        if (spreadAllPending) {
            spreadAllTimer = context.schedule(spreadAllAfter, PunctuationType.WALL_CLOCK_TIME, this::spreadAll);
        }
    }

    @Override
    public void process(final Record<String, RowOutput.Change> record) {
        if (spreadAllPending) {
            // the own rows store already holds this change (the rows stage stores a row, then forwards its change)
            spreadAll(record.timestamp());
            return;
        }
        final RowOutput.Change change = record.value();
        final List<Route> unitRoutes = routes(change.key().unitId());
        if (unitRoutes.isEmpty()) {
            return;
        }
        final KpiCounters difference = change.after().minus(change.before());
        for (final Route route : unitRoutes) {
            forward(route, change.key(), difference, record.timestamp());
        }
    }

    /** Spreads every own row of this task, whole, over the organisation, and records that it did. */
    private void spreadAll(final long timestamp) {
        try (KeyValueIterator<String, KpiCounters> all = ownRows.all()) {
            while (all.hasNext()) {
                final var row = all.next();
                final KpiRowKey key = KpiRowKeyFormat.parse(row.key);
                for (final Route route : routes(key.unitId())) {
                    forward(route, key, row.value, timestamp);
                }
            }
        }
        spreadTree.put(TREE, organisation.fingerprint());
        spreadAllPending = false;
        spreadAllTimer.cancel();
    }

    private void forward(final Route route, final KpiRowKey own, final KpiCounters change, final long timestamp) {
        context.forward(new Record<>(route.top(), new SubtreeChange(tree, route.child(),
            new KpiRowKey(route.top(), own.fieldId(), own.period()), change), timestamp));
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
