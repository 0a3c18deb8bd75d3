package vn.tthc.monitor.kpi.topology;

import java.util.Map;
import java.util.TreeMap;
import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * A change in the KPI rows made by one case, feedback or survey ({@code entityId}: the caseId,
 * feedbackId, or the survey's caseId or eventId), which alerts name as the cases that drove them.
 */
public record KpiChange(String entityId, KpiContribution rows) {

    /** The change split by the units it touches: each unit's rows are summed in one task. */
    public Map<String, KpiChange> byUnit() {
        final Map<String, KpiChange> byUnit = new TreeMap<>();
        rows.byUnit().forEach((unit, unitRows) -> byUnit.put(unit, new KpiChange(entityId, unitRows)));
        return byUnit;
    }
}
