package vn.tthc.monitor.kpi.query.instances;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.OnTimeForecast;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/** What one instance hands another for the answers built from rows: the rows' counters, not their judged form. */
final class Parts {

    private Parts() {
    }

    /** One row's counters. */
    record RowEntry(KpiRowKey key, Scope scope, KpiCounters counters) {

        static List<RowEntry> of(final List<KpiRowStatus> rows) {
            return rows.stream().map(row -> new RowEntry(row.key(), row.scope(), row.counters())).toList();
        }
    }

    /** An instance's rows of the report (own and subtree) and its rejected deliveries. */
    record ReportPart(List<RowEntry> rows, long rejected) {

        static ReportPart of(final KpiReport report) {
            return new ReportPart(report.kpis().stream().map(row -> new RowEntry(row.key(), row.scope(), row.counters()))
                .toList(), report.rejected());
        }
    }

    /** The forecast of one row. */
    record ForecastEntry(KpiRowKey key, OnTimeForecast forecast) {

        static List<ForecastEntry> of(final Map<KpiRowKey, OnTimeForecast> forecasts) {
            return forecasts.entrySet().stream().map(entry -> new ForecastEntry(entry.getKey(), entry.getValue())).toList();
        }

        static Map<KpiRowKey, OnTimeForecast> toMap(final List<ForecastEntry> entries) {
            return entries.stream().collect(Collectors.toMap(ForecastEntry::key, ForecastEntry::forecast));
        }
    }
}
