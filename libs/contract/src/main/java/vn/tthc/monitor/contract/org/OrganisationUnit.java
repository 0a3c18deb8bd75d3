package vn.tthc.monitor.contract.org;

import java.util.List;
import java.util.Optional;

/**
 * One unit of an organisation file (EVENTS.md section 6): its identifier, its name, the unit above it
 * ({@code parentId}, {@code null} for a root), and the other names ({@code aliases}) and codes (e.g. the
 * national portal's MaDinhDanhDV) by which other systems may call it.
 */
public record OrganisationUnit(String id, String name, String parentId, List<String> aliases, List<String> codes) {

    public OrganisationUnit {
        aliases = List.copyOf(aliases);
        codes = List.copyOf(codes);
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }
}
