package vn.tthc.monitor.kpi.topology.verdicts;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * Provisional and final (issue 14 point 5): a {@link VerdictTracker} in the task of the own rows (beside
 * {@link StoreCatalog#KPI_ROWS_STORE}, fed by the row changes and by the changes of the open cases the forecast stage
 * keeps in {@link StoreCatalog#FORECAST_CASES_STORE}, which it reads unit by unit when a check first needs it) and one in
 * the task of the subtree rows (beside {@link StoreCatalog#SUBTREE_ROWS_STORE}, fed by their changes) judge when the
 * rows of each (unit, period, scope) are final, keep it in {@link StoreCatalog#VERDICTS_STORE} and
 * {@link StoreCatalog#SUBTREE_VERDICTS_STORE} for the query API, and write each {@link PeriodVerdict} and its
 * corrections to {@code verdicts}. For the subtree rows to be final once every case is closed, the own tracker sends
 * each unit's {@link OpenCount} of an ended period, when it changes, to the top unit of each subtree that counts the
 * unit ({@value #VERDICT_OPEN_COUNTS_BY_TOP}, keyed by the top unit as {@code subtree-changes-by-unit}: co-partitioned
 * with it), kept in {@link StoreCatalog#SUBTREE_VERDICT_OPEN_STORE}.
 */
public final class VerdictTopology {

    public static final String VERDICT_OPEN_COUNTS_BY_TOP = "verdict-open-counts-by-top";

    private final TopicCatalog topics;
    private final Targets targets;
    private final VerdictSettings settings;
    private final Organisation organisation;

    public VerdictTopology(final TopicCatalog topics, final Targets targets, final VerdictSettings settings,
                           final Organisation organisation) {
        this.topics = topics;
        this.targets = targets;
        this.settings = settings;
        this.organisation = organisation;
    }

    /**
     * @param openCases      the changes of the open cases the forecast stage keeps, by unit, in the own rows' task
     * @param rowChanges     the own rows each change changed, in their task
     * @param subtreeChanges the subtree rows each spread changed, in their task
     */
    public void addTo(final StreamsBuilder builder, final KStream<String, OpenCaseChange> openCases,
                      final KStream<String, RowOutput.Changes> rowChanges,
                      final KStream<String, RowOutput.Changes> subtreeChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreCatalog.VERDICTS_STORE),
            Serdes.String(), JacksonSerde.json(VerdictState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_VERDICTS_STORE), Serdes.String(),
            JacksonSerde.json(VerdictState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.SUBTREE_VERDICT_OPEN_STORE), Serdes.String(),
            JacksonSerde.json(OpenCount.class)));
        final var own = rows(rowChanges, "verdict-own")
            .merge(openCases.mapValues((unitId, update) -> (VerdictInput) new VerdictInput.CaseChanged(unitId, update),
                Named.as("verdict-own-case-changed")), Named.as("verdict-own-merge-inputs"))
            .process(() -> VerdictTracker.ownRows(targets, settings, organisation), Named.as("track-own-verdicts"),
                StoreCatalog.VERDICTS_STORE, StoreCatalog.KPI_ROWS_STORE, StoreCatalog.FORECAST_CASES_STORE)
            .split(Named.as("verdict-own-output-"))
            .branch((key, output) -> output instanceof VerdictOutput.Written, Branched.as("verdicts"))
            .defaultBranch(Branched.as("open-counts"));
        verdicts(own.get("verdict-own-output-verdicts"), "own");
        final KStream<String, VerdictInput> openCounts = own.get("verdict-own-output-open-counts")
            .mapValues(output -> ((VerdictOutput.Reported) output).count(), Named.as("unwrap-verdict-open-counts"))
            // keyed by the subtree's top unit: the same partitions as its subtree rows (subtree-changes-by-unit)
            .repartition(Repartitioned.<String, OpenCount>as(VERDICT_OPEN_COUNTS_BY_TOP)
                .withKeySerde(Serdes.String()).withValueSerde(JacksonSerde.json(OpenCount.class)))
            .mapValues((top, count) -> (VerdictInput) new VerdictInput.OpenCountReported(top, count),
                Named.as("verdict-open-count-reported"));
        final KStream<String, VerdictOutput> subtree = rows(subtreeChanges, "verdict-subtree")
            .merge(openCounts, Named.as("verdict-subtree-merge-inputs"))
            .process(() -> VerdictTracker.subtreeRows(targets, settings, organisation), Named.as("track-subtree-verdicts"),
                StoreCatalog.SUBTREE_VERDICTS_STORE, StoreCatalog.SUBTREE_ROWS_STORE, StoreCatalog.SUBTREE_VERDICT_OPEN_STORE);
        verdicts(subtree, "subtree");
    }

    /** The rows whose counters a change changed, as the tracker's input. */
    private static KStream<String, VerdictInput> rows(final KStream<String, RowOutput.Changes> changes, final String name) {
        return changes.flatMapValues(rowChanges -> {
            final List<KpiRowKey> changed = rowChanges.rows().stream()
                .filter(change -> !change.before().equals(change.after()))
                .map(RowOutput.Change::key)
                .toList();
            return changed.isEmpty() ? List.<VerdictInput>of() : List.<VerdictInput>of(new VerdictInput.RowsChanged(changed));
        }, Named.as(name + "-rows-changed"));
    }

    /** The verdicts a tracker wrote, to the verdicts topic. */
    private void verdicts(final KStream<String, VerdictOutput> outputs, final String scope) {
        outputs.mapValues(output -> ((VerdictOutput.Written) output).verdict(), Named.as("unwrap-" + scope + "-verdicts"))
            .to(topics.verdicts().name(), topics.verdicts().produced("write-" + scope + "-verdicts"));
    }
}
