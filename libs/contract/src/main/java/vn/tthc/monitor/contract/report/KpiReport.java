package vn.tthc.monitor.contract.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.SubtreeRows;

/**
 * The KPI report of EVENTS.md section 5: the units' own rows with a counter that is not zero, with an
 * organisation file also the subtree rows of section 6 ({@link SubtreeRows}), the breaches of those rows
 * against the targets, and the number of rejected events. Own rows come first, then subtree rows, each
 * sorted by unit, field and period; breaches follow the rows, in KPI order within a row.
 */
public record KpiReport(List<KpiRow> kpis, List<Breach> breaches, long rejected) {

    public KpiReport {
        kpis = List.copyOf(kpis);
        breaches = List.copyOf(breaches);
    }

    /** The report of the own rows alone: no organisation file, no subtree rows. */
    public static KpiReport of(final Map<KpiRowKey, KpiCounters> rows, final Targets targets, final long rejected) {
        final List<KpiRow> kpis = new ArrayList<>();
        final List<Breach> breaches = new ArrayList<>();
        add(rows, Scope.OWN, targets, kpis, breaches);
        return new KpiReport(kpis, breaches, rejected);
    }

    /** The report of the own rows {@code rows} and of the subtree rows they give over {@code organisation}. */
    public static KpiReport of(final Map<KpiRowKey, KpiCounters> rows, final Targets targets, final Organisation organisation,
                               final long rejected) {
        final List<KpiRow> kpis = new ArrayList<>();
        final List<Breach> breaches = new ArrayList<>();
        add(rows, Scope.OWN, targets, kpis, breaches);
        add(SubtreeRows.of(rows, organisation), Scope.SUBTREE, targets, kpis, breaches);
        return new KpiReport(kpis, breaches, rejected);
    }

    /**
     * The report of own rows and subtree rows summed elsewhere (the live pipeline's stores), each judged against
     * the targets as section 6 says.
     */
    public static KpiReport of(final Map<KpiRowKey, KpiCounters> ownRows, final Map<KpiRowKey, KpiCounters> subtreeRows,
                               final Targets targets, final long rejected) {
        final List<KpiRow> kpis = new ArrayList<>();
        final List<Breach> breaches = new ArrayList<>();
        add(ownRows, Scope.OWN, targets, kpis, breaches);
        add(subtreeRows, Scope.SUBTREE, targets, kpis, breaches);
        return new KpiReport(kpis, breaches, rejected);
    }

    private static void add(final Map<KpiRowKey, KpiCounters> rows, final Scope scope, final Targets targets,
                            final List<KpiRow> kpis, final List<Breach> breaches) {
        new TreeMap<>(rows).forEach((key, counters) -> {
            if (counters.isZero()) {
                return;
            }
            kpis.add(new KpiRow(key, scope, counters));
            for (final KpiStatus status : targets.statuses(key, counters)) {
                if (status.breached()) {
                    breaches.add(Breach.of(key, scope, status));
                }
            }
        });
    }
}
