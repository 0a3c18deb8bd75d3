package vn.tthc.monitor.notifier.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;

/**
 * The units the notifier knows, by id: the organisation file's units (checked by the contract's rules) with
 * the heads the file gives each of them; read by {@link UnitRegistryFile}.
 */
public final class UnitRegistry {

    private final Organisation organisation;
    private final Map<String, Unit> units = new LinkedHashMap<>();

    UnitRegistry(final Organisation organisation, final Map<String, List<Head>> headsByUnit) {
        this.organisation = organisation;
        for (final OrganisationUnit unit : organisation.units()) {
            units.put(unit.id(), new Unit(unit.id(), unit.name(), unit.parentId(),
                headsByUnit.getOrDefault(unit.id(), List.of())));
        }
    }

    public Optional<Unit> unit(final String id) {
        return Optional.ofNullable(units.get(id));
    }

    /** The unit above {@code id}, when it is known and has one. */
    public Optional<Unit> parentOf(final String id) {
        return unit(id).flatMap(Unit::parent).flatMap(this::unit);
    }

    /** The tree the units come from (ancestors, children, names for matching). */
    public Organisation organisation() {
        return organisation;
    }

    public int size() {
        return units.size();
    }
}
