package vn.tthc.monitor.kpi.topology;

import java.util.List;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/**
 * What a KPI rows stage (topology.rows, topology.subtree) forwards, within its task: the row changes of one input,
 * for the alerts, the forecast and the verdicts; row snapshots for the topic.
 */
public sealed interface RowOutput {

    /**
     * The rows one case, feedback or survey changed (keyed by their unit), or one spread of a unit's part of the
     * subtree rows (keyed by their top unit; {@code entityId} null), in the order they changed: one record, not one
     * per row, because every record forwarded passes each node after it.
     */
    record Changes(String entityId, List<Change> rows) implements RowOutput {
    }

    /**
     * One row changed; {@code row} is its key as {@link KpiRowKeyFormat} writes it; {@code before} or {@code after}
     * may be {@link KpiCounters#ZERO}.
     */
    record Change(String row, KpiRowKey key, KpiCounters before, KpiCounters after) {
    }

    /** The row as the KPI rows topic shows it; {@code null} status when the row emptied. */
    record Snapshot(KpiRowStatus status) implements RowOutput {
    }
}
