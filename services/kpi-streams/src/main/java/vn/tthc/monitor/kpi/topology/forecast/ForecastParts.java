package vn.tthc.monitor.kpi.topology.forecast;

import java.util.SortedMap;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * One unit's projections of its open cases ({@link ForecastProjection}) for its own rows of the current periods, as
 * they are now, on their way from the task of the unit's rows to the task of the top unit of a subtree that counts it
 * ({@link ForecastTopology#FORECAST_PARTS_BY_TOP}, keyed by the top): the rows already count the resolved cases, so a
 * subtree row needs of each unit only these parts. Absolute, not changes: a part sent twice (a task revived after an
 * aborted transaction spreads again) leaves the subtree's parts as they were. The top's task keeps them, whole, by
 * top and unit ({@link vn.tthc.monitor.kpi.topology.StoreCatalog#SUBTREE_FORECAST_PARTS_STORE}).
 *
 * @param tree        the organisation it was spread over ({@link vn.tthc.monitor.contract.org.Organisation#fingerprintTag}): parts spread over
 *                    another tree (before a restart with a changed file) are dropped, the units spreading all again
 * @param unitId      the unit whose projections these are
 * @param whole       whether these are all the unit's projections: a part of the unit that is not among them is gone
 * @param projections by the unit's own row (unit, field or {@code *}, period); {@link ForecastProjection#NONE} takes
 *                    the unit's part of that row out (only in a part that is not whole)
 */
public record ForecastParts(long tree, String unitId, boolean whole, SortedMap<KpiRowKey, ForecastProjection> projections) {
}
