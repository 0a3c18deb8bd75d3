package vn.tthc.monitor.kpi.topology.verdicts;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * Provisional and final (issue 14 point 5): a {@link VerdictTracker} in the task of the own rows (beside
 * {@link StoreCatalog#KPI_ROWS_STORE}, fed by the row changes and the forecast stage's open cases by unit) and one in
 * the task of the subtree rows (beside {@link StoreCatalog#SUBTREE_ROWS_STORE}, fed by their changes) judge when the
 * rows of each (unit, period, scope) are final, keep it in {@link StoreCatalog#VERDICTS_STORE} and
 * {@link StoreCatalog#SUBTREE_VERDICTS_STORE} for the query API, and write each {@link PeriodVerdict} and its
 * corrections to {@code verdicts}. No new repartition: the stage reads what the rows' tasks already receive.
 */
public final class VerdictTopology {

    private final TopicCatalog topics;
    private final Targets targets;
    private final VerdictSettings settings;

    public VerdictTopology(final TopicCatalog topics, final Targets targets, final VerdictSettings settings) {
        this.topics = topics;
        this.targets = targets;
        this.settings = settings;
    }

    /**
     * @param openCases      the open cases' changes by unit, in the own rows' task (from the forecast stage's repartition)
     * @param rowChanges     every change of an own row, in its task
     * @param subtreeChanges every change of a subtree row, in its task
     */
    public void addTo(final StreamsBuilder builder, final KStream<String, OpenCaseChange> openCases,
                      final KStream<String, RowOutput.Change> rowChanges,
                      final KStream<String, RowOutput.Change> subtreeChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreCatalog.VERDICTS_STORE),
            Serdes.String(), JacksonSerde.json(VerdictState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_VERDICTS_STORE), Serdes.String(),
            JacksonSerde.json(VerdictState.class)));
        builder.addStateStore(StoreCatalog.countsStore(StoreCatalog.VERDICT_OPEN_CASES_STORE).withCachingEnabled());
        final KStream<String, PeriodVerdict> own = rows(rowChanges, "verdict-own")
            .merge(openCases.mapValues((unitId, update) -> (VerdictInput) new VerdictInput.CaseChanged(unitId, update),
                Named.as("verdict-own-case-changed")), Named.as("verdict-own-merge-inputs"))
            .process(() -> VerdictTracker.ownRows(targets, settings), Named.as("track-own-verdicts"),
                StoreCatalog.VERDICTS_STORE, StoreCatalog.VERDICT_OPEN_CASES_STORE, StoreCatalog.KPI_ROWS_STORE,
                StoreCatalog.FORECAST_CASES_STORE);
        own.to(topics.verdicts().name(), topics.verdicts().produced("write-own-verdicts"));
        final KStream<String, PeriodVerdict> subtree = rows(subtreeChanges, "verdict-subtree")
            .process(() -> VerdictTracker.subtreeRows(targets, settings), Named.as("track-subtree-verdicts"),
                StoreCatalog.SUBTREE_VERDICTS_STORE, StoreCatalog.SUBTREE_ROWS_STORE);
        subtree.to(topics.verdicts().name(), topics.verdicts().produced("write-subtree-verdicts"));
    }

    /** The changes that changed a row's counters, as the tracker's input. */
    private static KStream<String, VerdictInput> rows(final KStream<String, RowOutput.Change> changes, final String name) {
        return changes
            .filter((row, change) -> !change.before().equals(change.after()), Named.as(name + "-filter-changed"))
            .mapValues(change -> (VerdictInput) new VerdictInput.RowChanged(change.key()), Named.as(name + "-row-changed"));
    }
}
