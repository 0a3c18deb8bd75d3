package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the pipeline behaves ({@code tthc.pipeline.*}).
 *
 * @param emitInterval  how often the KPI rows changed since the last time are written to the KPI rows topic
 * @param dueSoonWindow how long before its due time an open case is due soon (sắp đến hạn): working days
 *                      ({@code 1wd}, the default) or a fixed duration ({@code 24h}); see {@link DueSoonWindowSetting}
 * @param watchInterval how often the wall clock is checked for due-soon and overdue cases
 * @param watchGrace    how long after an event a case already due soon or overdue is warned about:
 *                      a replay of history resolves most such cases within it
 */
@ConfigurationProperties("tthc.pipeline")
public record PipelineConfiguration(@Bindable(defaultValue = "100ms") Duration emitInterval,
                                    @Bindable(defaultValue = "1wd") String dueSoonWindow,
                                    @Bindable(defaultValue = "5s") Duration watchInterval,
                                    @Bindable(defaultValue = "60s") Duration watchGrace) {
}
