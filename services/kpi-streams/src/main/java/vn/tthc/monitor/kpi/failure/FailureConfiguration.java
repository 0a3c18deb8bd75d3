package vn.tthc.monitor.kpi.failure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What kpi-streams does when its pipeline fails ({@code tthc.pipeline.failure.*}, see {@link FailurePolicy}).
 *
 * @param exit              whether the process exits once Kafka Streams is in ERROR (the service: yes, so that
 *                          systemd, compose or Kubernetes restart it; the replay and benchmarks report it themselves)
 * @param exitGrace         how long the process stays up in ERROR before it exits: long enough for Prometheus (every
 *                          15 s) to scrape {@code tthc_pipeline_failed} once and for a person to read /health
 * @param maxReplacements   transient failures replaced by a new stream thread within {@code replacementWindow}
 * @param replacementWindow the window of {@code maxReplacements}
 */
@ConfigurationProperties("tthc.pipeline.failure")
public record FailureConfiguration(@Bindable(defaultValue = "true") boolean exit,
                                   @Bindable(defaultValue = "20s") Duration exitGrace,
                                   @Bindable(defaultValue = "3") int maxReplacements,
                                   @Bindable(defaultValue = "10m") Duration replacementWindow) {
}
