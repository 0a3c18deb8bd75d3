package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The working-day calendar ({@code tthc.calendar.*}): the national calendar of the contract module,
 * with the days off and working days of a province's override file when {@code override-file} is set
 * (docs/CALENDAR.md).
 */
@ConfigurationProperties("tthc.calendar")
public record CalendarConfiguration(@Nullable String overrideFile) {
}
