package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the targets come from ({@code tthc.targets.file}): a targets file of EVENTS.md section 4,
 * or, when unset or blank, the section-3 defaults (the same as the shipped {@code config/targets.yaml}).
 */
@ConfigurationProperties("tthc.targets")
public record TargetsConfiguration(@Nullable String file) {
}
