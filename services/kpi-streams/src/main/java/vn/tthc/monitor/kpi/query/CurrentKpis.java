package vn.tthc.monitor.kpi.query;

import java.util.List;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/**
 * The KPI rows of the current month, quarter and year (wall clock, Asia/Ho_Chi_Minh), judged
 * against their targets: what the metrics export.
 */
public record CurrentKpis(List<KpiRowStatus> rows) {

    public CurrentKpis {
        rows = List.copyOf(rows);
    }
}
