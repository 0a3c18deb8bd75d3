package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the pipeline behaves ({@code tthc.pipeline.*}).
 *
 * @param emitInterval  how often the KPI rows changed since the last time are written to the KPI rows topic
 * @param alertUpdateInterval how often an open alert whose row changed is judged again and written as {@code UPDATED}
 *                      (its raise and resolution are written at once): a breached row of a busy unit changes with
 *                      nearly every event, and the rows themselves are written every {@code emitInterval}
 * @param dueSoonWindow how long before its due time an open case is due soon (sắp đến hạn): working days
 *                      ({@code 1wd}, the default) or a fixed duration ({@code 24h}); see {@link DueSoonWindowSetting}
 * @param watchInterval how often the wall clock is checked for due-soon and overdue cases
 * @param watchGrace    how long after an event a case already due soon or overdue is warned about:
 *                      a replay of history resolves most such cases within it
 */
@ConfigurationProperties("tthc.pipeline")
public record PipelineConfiguration(@Bindable(defaultValue = "1s") Duration emitInterval,
                                    @Bindable(defaultValue = "10s") Duration alertUpdateInterval,
                                    @Bindable(defaultValue = "1wd") String dueSoonWindow,
                                    @Bindable(defaultValue = "5s") Duration watchInterval,
                                    @Bindable(defaultValue = "60s") Duration watchGrace) {
}
