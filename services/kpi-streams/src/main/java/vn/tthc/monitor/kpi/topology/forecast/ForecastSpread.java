package vn.tthc.monitor.kpi.topology.forecast;

import vn.tthc.monitor.contract.kpi.ForecastProjection;

/**
 * What one unit's open cases make of the forecast of one of its own rows of a current period ({@code fieldId} or
 * {@code *}), as the unit spreads it to the top unit of each subtree that counts it ({@link
 * ForecastTopology#FORECAST_INPUTS_BY_TOP}): the rows already count the resolved cases, so a subtree row needs of
 * each unit only its open cases' projection. {@link ForecastProjection#NONE} takes the unit's part out. The unit
 * keeps what it last spread ({@link vn.tthc.monitor.kpi.topology.StoreCatalog#FORECAST_SPREAD_STORE}) and spreads
 * only changes; {@code tree} is the organisation's fingerprint, so that a new file spreads every part again.
 */
public record ForecastSpread(String unitId, String fieldId, String period, ForecastProjection projection, String tree) {

    ForecastSpread removed() {
        return new ForecastSpread(unitId, fieldId, period, ForecastProjection.NONE, tree);
    }
}
