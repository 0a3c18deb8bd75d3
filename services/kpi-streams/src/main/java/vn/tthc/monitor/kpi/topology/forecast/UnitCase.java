package vn.tthc.monitor.kpi.topology.forecast;

import vn.tthc.monitor.contract.kpi.ForecastCase;

/** An open case of a unit, with its field: what the forecast stage keeps and the query API reads. */
public record UnitCase(String fieldId, ForecastCase forecastCase) {
}
