package vn.tthc.monitor.contract.verdict;

import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Kpi;

/**
 * One objective of a {@link PeriodVerdict}: one KPI of one row (a field, or {@code "*"} for all fields).
 *
 * @param value the KPI's value; null when the row has no case for it
 */
public record ObjectiveVerdict(String fieldId, Kpi kpi, Verdict verdict, Double value, double target, long volume,
                               int minVolume) {
}
