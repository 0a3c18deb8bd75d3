package vn.tthc.monitor.kpi.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Stream;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;

/** The organisation file's units as readers need them (names, parents, depth); no heads or addresses. */
@Controller("/api/v1")
@Tag(name = "Organisation")
public class OrganisationController {

    /** One unit of the tree: {@code parent} is null for a root, {@code depth} 0 for a root. */
    public record UnitNode(String id, String name, String parent, int depth, boolean hasChildren) {
    }

    /** Every listed unit, depth first in the order of the file (a parent before its children). */
    public record OrganisationView(String fingerprint, List<UnitNode> units) {
    }

    private final OrganisationView view;

    public OrganisationController(final Organisation organisation) {
        this.view = new OrganisationView(organisation.fingerprint(), nodes(organisation));
    }

    @Get("/organisation")
    @Operation(summary = "The units of the organisation file (TTHC_UNITS_FILE): id, name, parent, depth, in tree order")
    public OrganisationView organisation() {
        return view;
    }

    private static List<UnitNode> nodes(final Organisation organisation) {
        return organisation.units().stream()
            .filter(unit -> unit.parent().isEmpty())
            .flatMap(root -> Stream.concat(Stream.of(root),
                organisation.descendants(root.id()).stream()))
            .map(unit -> node(organisation, unit))
            .toList();
    }

    private static UnitNode node(final Organisation organisation, final OrganisationUnit unit) {
        return new UnitNode(unit.id(), unit.name(), unit.parentId(), organisation.ancestors(unit.id()).size(),
            organisation.hasChildren(unit.id()));
    }
}
