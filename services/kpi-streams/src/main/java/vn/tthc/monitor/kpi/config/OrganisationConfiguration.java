package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the organisation file (EVENTS.md section 6) comes from ({@code tthc.units.file}, from
 * {@code TTHC_UNITS_FILE}): the system's one list of units, their names and parents. When unset or blank there
 * is no organisation: every unit is unlisted, counts in its own rows and in no subtree.
 */
@ConfigurationProperties("tthc.units")
public record OrganisationConfiguration(@Nullable String file) {
}
