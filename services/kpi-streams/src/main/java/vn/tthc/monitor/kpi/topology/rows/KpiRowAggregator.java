package vn.tthc.monitor.kpi.topology.rows;

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
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.topology.DecodedRows;
import vn.tthc.monitor.kpi.topology.KpiChange;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Applies the KPI changes of one unit to its rows in {@link StoreCatalog#KPI_ROWS_STORE} (a row
 * whose counters all return to zero is deleted) and forwards the rows each one changed at once, in one record keyed
 * by the unit, for the alerts, the forecast and the verdicts.
 * The changed rows, judged against the targets, are forwarded as snapshots every
 * {@code emitInterval}: a busy row changes hundreds of times a second and readers need its latest
 * value. The rows changed since the last snapshot are kept in memory only, so a task that starts
 * (after a restart or a rebalance) snapshots all its rows once: the topic converges to the store.
 * The rows read and written most recently are also kept decoded in memory ({@link DecodedRows}),
 * so that the rows of the current periods, touched by nearly every change, are not read back and
 * decoded from the store each time. Snapshots go to the child node named {@code snapshotsNode}, row changes to
 * {@code changesNode}.
 */
final class KpiRowAggregator implements Processor<String, KpiChange, String, RowOutput> {

    /** How many decoded rows {@link #recentRows} keeps: the current periods' rows of many units. */
    private static final int RECENT_ROWS = 20_000;

    private final Targets targets;
    private final Duration emitInterval;
    private final String snapshotsNode;
    private final String changesNode;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<String, RowOutput> context;
    private KeyValueStore<String, KpiCounters> rows;
    private DecodedRows recentRows;
    private boolean snapshotAll = true;

    KpiRowAggregator(final Targets targets, final Duration emitInterval, final String snapshotsNode, final String changesNode) {
        this.targets = targets;
        this.emitInterval = emitInterval;
        this.snapshotsNode = snapshotsNode;
        this.changesNode = changesNode;
    }

    @Override
    public void init(final ProcessorContext<String, RowOutput> context) {
        this.context = context;
        this.rows = context.getStateStore(StoreCatalog.KPI_ROWS_STORE);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        this.recentRows = new DecodedRows(rows, RECENT_ROWS);
        changed.clear();
        snapshotAll = true;
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::snapshot);
    }

    @Override
    public void process(final Record<String, KpiChange> record) {
        final Map<KpiRowKey, KpiCounters> rowsChanged = record.value().rows().rows();
        if (rowsChanged.isEmpty()) {
            return;
        }
        final List<RowOutput.Change> changes = new ArrayList<>(rowsChanged.size());
        for (final Map.Entry<KpiRowKey, KpiCounters> change : rowsChanged.entrySet()) {
            final String key = KpiRowKeyFormat.format(change.getKey());
            final KpiCounters before = recentRows.get(key);
            final KpiCounters after = before.plus(change.getValue());
            recentRows.put(key, after);
            changed.add(key);
            changes.add(new RowOutput.Change(key, change.getKey(), before, after));
        }
        context.forward(record.withValue(new RowOutput.Changes(record.value().entityId(), changes)), changesNode);
    }

    private void snapshot(final long now) {
        if (snapshotAll) {
            snapshotAll = false;
            changed.clear();
            try (KeyValueIterator<String, KpiCounters> all = rows.all()) {
                all.forEachRemaining(row -> forwardSnapshot(row.key, row.value, now));
            }
            return;
        }
        for (final String key : changed) {
            forwardSnapshot(key, rows.get(key), now);
        }
        changed.clear();
    }

    private void forwardSnapshot(final String key, final KpiCounters counters, final long now) {
        final KpiRowStatus status = counters == null ? null : KpiRowStatus.of(KpiRowKeyFormat.parse(key), counters, targets);
        context.forward(new Record<>(key, new RowOutput.Snapshot(status), now), snapshotsNode);
    }
}
