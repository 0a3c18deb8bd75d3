package vn.tthc.monitor.kpi.topology.forecast;

import vn.tthc.monitor.contract.alert.KpiAlert;

/** What the forecast tracker of the own rows writes: an AT_RISK alert, or a unit's projection for a subtree. */
sealed interface ForecastOutput {

    /** An AT_RISK alert of an own row, keyed by its alert key. */
    record Alert(KpiAlert alert) implements ForecastOutput {
    }

    /** A unit's projection, keyed by the top unit of a subtree that counts the unit. */
    record Spread(ForecastSpread spread) implements ForecastOutput {
    }
}
