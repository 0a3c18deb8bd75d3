package vn.tthc.monitor.kpi.topology;

import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/**
 * What the KPI rows stage (topology.rows) forwards, within its task: row changes for alerts, row
 * snapshots for the topic.
 */
public sealed interface RowOutput {

    /** One row changed by one case, feedback or survey; {@code before} or {@code after} may be {@link KpiCounters#ZERO}. */
    record Change(String entityId, KpiRowKey key, KpiCounters before, KpiCounters after) implements RowOutput {
    }

    /** The row as the KPI rows topic shows it; {@code null} status when the row emptied. */
    record Snapshot(KpiRowStatus status) implements RowOutput {
    }
}
