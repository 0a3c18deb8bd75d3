package vn.tthc.monitor.contract.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.tthc.monitor.contract.event.Identifiers;

/**
 * The rules of EVENTS.md section 6 over a list of units: each unit and the place that names it (e.g.
 * {@code units[2] (line 5)}) go in, every problem comes out: an id that is missing, ill-formed by section 1
 * or repeated, a missing or empty name, a parent that is not listed, a cycle of parents with its members.
 */
final class OrganisationRules {

    private OrganisationRules() {
    }

    static List<String> problems(final List<OrganisationUnit> units, final List<String> places) {
        final List<String> problems = new ArrayList<>();
        final Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            final OrganisationUnit unit = units.get(i);
            final String place = place(unit, places.get(i));
            final int index = i;
            idProblem(unit.id()).ifPresentOrElse(problem -> problems.add(place + ": " + problem), () -> {
                final Integer first = firstIndex.putIfAbsent(unit.id(), index);
                if (first != null) {
                    problems.add(place + ": id " + Identifiers.quote(unit.id()) + " is repeated (first at "
                        + places.get(first) + ")");
                }
            });
            if (unit.name() == null) {
                problems.add(place + ": missing 'name'");
            } else if (unit.name().isBlank()) {
                problems.add(place + ": 'name' is empty");
            }
            listProblems(unit.aliases(), "aliases", place, problems);
            listProblems(unit.codes(), "codes", place, problems);
        }
        final Set<String> listed = firstIndex.keySet();
        for (int i = 0; i < units.size(); i++) {
            final OrganisationUnit unit = units.get(i);
            if (unit.parentId() != null && !listed.contains(unit.parentId())) {
                problems.add(place(unit, places.get(i)) + ": parent " + Identifiers.quote(unit.parentId())
                    + " is not listed");
            }
        }
        if (problems.isEmpty()) {
            cycles(units, places, problems);
        }
        return problems;
    }

    private static Optional<String> idProblem(final String id) {
        if (id == null) {
            return Optional.of("missing 'id'");
        }
        final String problem = Identifiers.problem(id);
        return problem == null ? Optional.empty()
            : Optional.of("id " + Identifiers.quote(id) + " " + problem);
    }

    private static void listProblems(final List<String> values, final String key, final String place,
                                     final List<String> problems) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                problems.add(place + ": " + key + "[" + i + "] is empty");
            }
        }
    }

    /** Each cycle of parents once, from its first unit in the file: {@code cycle of parents: A → B → A (...)}. */
    private static void cycles(final List<OrganisationUnit> units, final List<String> places, final List<String> problems) {
        final Map<String, OrganisationUnit> byId = new LinkedHashMap<>();
        final Map<String, String> placeOf = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            byId.put(units.get(i).id(), units.get(i));
            placeOf.put(units.get(i).id(), places.get(i));
        }
        final Set<String> done = new HashSet<>();
        for (final OrganisationUnit start : units) {
            final List<String> path = new ArrayList<>();
            String id = start.id();
            while (id != null && !done.contains(id) && !path.contains(id)) {
                path.add(id);
                id = byId.get(id).parentId();
            }
            if (id != null && path.contains(id)) {
                final List<String> members = path.subList(path.indexOf(id), path.size());
                final StringBuilder text = new StringBuilder("cycle of parents: ");
                members.forEach(member -> text.append(Identifiers.quote(member)).append(" → "));
                text.append(Identifiers.quote(id)).append(" (");
                text.append(String.join(", ", members.stream().map(placeOf::get).toList())).append(')');
                problems.add(text.toString());
            }
            done.addAll(path);
        }
    }

    private static String place(final OrganisationUnit unit, final String place) {
        return unit.id() == null || unit.id().isEmpty() ? place : place + " " + Identifiers.quote(unit.id());
    }
}
