package vn.tthc.monitor.notifier.registry;

import java.util.List;
import java.util.Optional;

/** A unit (đơn vị) of the registry: its Vietnamese name, the unit above it and its heads. */
public record Unit(String id, String name, String parentId, List<Head> heads) {

    public Unit {
        heads = List.copyOf(heads);
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }
}
