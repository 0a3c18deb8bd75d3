package vn.tthc.monitor.kpi.topology;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/**
 * Applies the KPI changes of one unit to its rows in {@link UnitKpiTopology#KPI_ROWS_STORE} (a row
 * whose counters all return to zero is deleted), and writes the changed rows, judged against the
 * targets, every {@code emitInterval}: a busy row changes hundreds of times a second, readers need
 * its latest value. The rows changed since the last emission are kept in memory only, so when a
 * task starts (after a restart or a rebalance) it writes all its rows once: the topic always
 * converges to the store.
 */
final class KpiRowAggregator implements Processor<String, KpiContribution, String, KpiRowStatus> {

    private final Targets targets;
    private final Duration emitInterval;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<String, KpiRowStatus> context;
    private KeyValueStore<String, KpiCounters> rows;
    private boolean emitAll = true;

    KpiRowAggregator(final Targets targets, final Duration emitInterval) {
        this.targets = targets;
        this.emitInterval = emitInterval;
    }

    @Override
    public void init(final ProcessorContext<String, KpiRowStatus> context) {
        this.context = context;
        this.rows = context.getStateStore(UnitKpiTopology.KPI_ROWS_STORE);
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emit(now));
    }

    @Override
    public void process(final Record<String, KpiContribution> record) {
        for (final Map.Entry<KpiRowKey, KpiCounters> change : record.value().rows().entrySet()) {
            final String key = KpiRowKeyFormat.format(change.getKey());
            final KpiCounters stored = rows.get(key);
            final KpiCounters updated = (stored == null ? KpiCounters.ZERO : stored).plus(change.getValue());
            if (updated.isZero()) {
                rows.delete(key);
            } else {
                rows.put(key, updated);
            }
            changed.add(key);
        }
    }

    private void emit(final long now) {
        if (emitAll) {
            emitAll = false;
            changed.clear();
            try (KeyValueIterator<String, KpiCounters> all = rows.all()) {
                all.forEachRemaining(row -> forward(row.key, row.value, now));
            }
            return;
        }
        for (final String key : changed) {
            forward(key, rows.get(key), now);
        }
        changed.clear();
    }

    private void forward(final String key, final KpiCounters counters, final long now) {
        final KpiRowStatus status = counters == null ? null : KpiRowStatus.of(KpiRowKeyFormat.parse(key), counters, targets);
        context.forward(new Record<>(key, status, now));
    }
}
