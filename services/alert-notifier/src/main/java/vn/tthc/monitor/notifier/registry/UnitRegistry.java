package vn.tthc.monitor.notifier.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The units the notifier knows, by id; read from the units file ({@link UnitRegistryFile}). */
public final class UnitRegistry {

    private final Map<String, Unit> units;

    public UnitRegistry(final Collection<Unit> units) {
        final Map<String, Unit> byId = new LinkedHashMap<>();
        for (final Unit unit : units) {
            if (byId.put(unit.id(), unit) != null) {
                throw new InvalidUnitRegistryException("unit '" + unit.id() + "' is listed twice");
            }
        }
        for (final Unit unit : byId.values()) {
            unit.parent().filter(parent -> !byId.containsKey(parent)).ifPresent(parent -> {
                throw new InvalidUnitRegistryException("unit '" + unit.id() + "' has unknown parent '" + parent + "'");
            });
        }
        this.units = Map.copyOf(byId);
    }

    public Optional<Unit> unit(final String id) {
        return Optional.ofNullable(units.get(id));
    }

    /** The unit above {@code id}, when it is known and has one. */
    public Optional<Unit> parentOf(final String id) {
        return unit(id).flatMap(Unit::parent).flatMap(this::unit);
    }

    public int size() {
        return units.size();
    }
}
