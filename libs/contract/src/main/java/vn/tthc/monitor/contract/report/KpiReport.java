package vn.tthc.monitor.contract.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;

/**
 * The KPI report of EVENTS.md section 5: every row with a counter that is not zero, the breaches
 * of those rows against the targets, and the number of rejected events. Rows are sorted by unit,
 * field and period; breaches follow the rows, in KPI order within a row. The rows are the units'
 * own rows ({@link Scope#OWN}); subtree rows (section 6) are not built yet.
 */
public record KpiReport(List<KpiRow> kpis, List<Breach> breaches, long rejected) {

    public KpiReport {
        kpis = List.copyOf(kpis);
        breaches = List.copyOf(breaches);
    }

    public static KpiReport of(final Map<KpiRowKey, KpiCounters> rows, final Targets targets, final long rejected) {
        final SortedMap<KpiRowKey, KpiCounters> sorted = new TreeMap<>(rows);
        final List<KpiRow> kpis = new ArrayList<>();
        final List<Breach> breaches = new ArrayList<>();
        sorted.forEach((key, counters) -> {
            if (counters.isZero()) {
                return;
            }
            kpis.add(new KpiRow(key, Scope.OWN, counters));
            for (final KpiStatus status : targets.statuses(key, counters)) {
                if (status.breached()) {
                    breaches.add(Breach.of(key, Scope.OWN, status));
                }
            }
        });
        return new KpiReport(kpis, breaches, rejected);
    }
}
