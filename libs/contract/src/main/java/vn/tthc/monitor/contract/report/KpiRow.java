package vn.tthc.monitor.contract.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;

/** One row of the section-5 report: its key, its scope and its counters, side by side in one JSON object. */
@JsonPropertyOrder({"unitId", "fieldId", "period", "scope"})
public record KpiRow(@JsonIgnore KpiRowKey key, Scope scope, @JsonUnwrapped KpiCounters counters) {

    public String getUnitId() {
        return key.unitId();
    }

    public String getFieldId() {
        return key.fieldId();
    }

    public String getPeriod() {
        return key.period();
    }
}
