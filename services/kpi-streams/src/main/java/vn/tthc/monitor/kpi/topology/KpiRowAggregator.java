package vn.tthc.monitor.kpi.topology;

import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/**
 * Applies the KPI changes of one unit to its rows in {@link UnitKpiTopology#KPI_ROWS_STORE} and
 * forwards each changed row judged against the targets; a row whose counters all return to zero
 * is deleted and forwarded as {@code null}.
 */
final class KpiRowAggregator implements Processor<String, KpiContribution, String, KpiRowStatus> {

    private final Targets targets;
    private ProcessorContext<String, KpiRowStatus> context;
    private KeyValueStore<String, KpiCounters> rows;

    KpiRowAggregator(final Targets targets) {
        this.targets = targets;
    }

    @Override
    public void init(final ProcessorContext<String, KpiRowStatus> context) {
        this.context = context;
        this.rows = context.getStateStore(UnitKpiTopology.KPI_ROWS_STORE);
    }

    @Override
    public void process(final Record<String, KpiContribution> record) {
        for (final Map.Entry<KpiRowKey, KpiCounters> change : record.value().rows().entrySet()) {
            final String key = KpiRowKeyFormat.format(change.getKey());
            final KpiCounters stored = rows.get(key);
            final KpiCounters updated = (stored == null ? KpiCounters.ZERO : stored).plus(change.getValue());
            if (updated.isZero()) {
                rows.delete(key);
                context.forward(new Record<>(key, null, record.timestamp()));
            } else {
                rows.put(key, updated);
                context.forward(new Record<>(key, KpiRowStatus.of(change.getKey(), updated, targets), record.timestamp()));
            }
        }
    }
}
