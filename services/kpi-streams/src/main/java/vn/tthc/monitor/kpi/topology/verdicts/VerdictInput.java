package vn.tthc.monitor.kpi.topology.verdicts;

import java.util.List;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;

/** What reaches a {@link VerdictTracker}, in the task of the rows it judges. */
sealed interface VerdictInput {

    /** A counted event (or a spread of a unit's part of the subtree rows) changed {@code rows}. */
    record RowsChanged(List<KpiRowKey> rows) implements VerdictInput {
    }

    /** One of {@code unitId}'s open cases counts open under a reception time, or no longer (own rows only). */
    record CaseChanged(String unitId, OpenCaseChange update) implements VerdictInput {
    }

    /** A unit under {@code topUnitId} (or the top itself) reported its open count of an ended period (subtree rows only). */
    record OpenCountReported(String topUnitId, OpenCount count) implements VerdictInput {
    }
}
