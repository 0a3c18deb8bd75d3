package vn.tthc.monitor.kpi.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;

/**
 * Which units a signed-in caller sees: the province's users and the operator every unit; a head or quality officer
 * the unit of the user file and its subtree in the organisation file ({@link Organisation#descendants}).
 */
@Singleton
public class UnitAccess {

    /** The authentication attribute holding a head's or quality officer's unit. */
    public static final String UNIT_ATTRIBUTE = "unit";

    private final Organisation organisation;

    public UnitAccess(final Organisation organisation) {
        this.organisation = organisation;
    }

    /** Whether the caller sees every unit (province users, the operator). */
    public boolean seesAll(final Authentication authentication) {
        return authentication != null && (authentication.getRoles().contains(UserFile.Role.PROVINCE.id())
            || authentication.getRoles().contains(UserFile.Role.OPERATOR.id()));
    }

    public boolean isOperator(final Authentication authentication) {
        return authentication != null && authentication.getRoles().contains(UserFile.Role.OPERATOR.id());
    }

    /** Whether the caller may read {@code unitId}'s rows, cases and reports. */
    public boolean sees(final Authentication authentication, final String unitId) {
        if (authentication == null) {
            return false;
        }
        return seesAll(authentication) || units(authentication).contains(unitId);
    }

    /** The units a unit-scoped caller sees: its unit and every unit under it; empty for any other caller. */
    public Set<String> units(final Authentication authentication) {
        final Object unit = authentication.getAttributes().get(UNIT_ATTRIBUTE);
        final boolean scoped = authentication.getRoles().contains(UserFile.Role.HEAD.id())
            || authentication.getRoles().contains(UserFile.Role.QUALITY.id());
        if (!scoped || unit == null) {
            return Set.of();
        }
        final Set<String> units = new HashSet<>();
        units.add(unit.toString());
        for (final OrganisationUnit below : organisation.descendants(unit.toString())) {
            units.add(below.id());
        }
        return units;
    }
}
