package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the pipeline behaves ({@code tthc.pipeline.*}).
 *
 * @param emitInterval how often the KPI rows changed since the last time are written to the KPI rows topic
 */
@ConfigurationProperties("tthc.pipeline")
public record PipelineConfiguration(@Bindable(defaultValue = "100ms") Duration emitInterval) {
}
