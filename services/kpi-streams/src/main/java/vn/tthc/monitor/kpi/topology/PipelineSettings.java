package vn.tthc.monitor.kpi.topology;

import java.time.Duration;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.kpi.Targets;

/**
 * What the pipeline needs besides its topics.
 *
 * @param targets        the targets the KPI rows and alerts are judged against
 * @param emitInterval   how often changed KPI rows are written to the KPI rows topic
 * @param dueSoonWindow  when an open case becomes due soon
 * @param watchInterval  how often the wall clock is checked for due-soon and overdue cases
 * @param watchGrace     how long after an event a case already due soon or overdue is warned about
 */
public record PipelineSettings(Targets targets, Duration emitInterval, DueSoonWindow dueSoonWindow,
                               Duration watchInterval, Duration watchGrace) {
}
