package vn.tthc.monitor.kpi.topology.forecast;

import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;

/**
 * What the forecast tracker of the own rows writes: an AT_RISK alert, a unit's projection for a subtree, or a change
 * of the open cases it keeps, for the verdict stage.
 */
sealed interface ForecastOutput {

    /** An AT_RISK alert of an own row, keyed by its alert key. */
    record Alert(KpiAlert alert) implements ForecastOutput {
    }

    /** A unit's projections, keyed by the top unit of a subtree that counts the unit. */
    record Spread(ForecastParts parts) implements ForecastOutput {
    }

    /** One of the unit's open cases counted open, or no longer, under a reception time, keyed by the unit. */
    record OpenCase(OpenCaseChange change) implements ForecastOutput {
    }
}
