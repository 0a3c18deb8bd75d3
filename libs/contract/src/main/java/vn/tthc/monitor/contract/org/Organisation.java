package vn.tthc.monitor.contract.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.tthc.monitor.contract.event.Identifiers;

/**
 * The units of an organisation file and their tree (EVENTS.md section 6), valid as a whole: look a unit up
 * by id, walk to its ancestors or children, and match the names other systems give it. Built by
 * {@link OrganisationFile} or {@link #of}; immutable.
 */
public final class Organisation {

    private final List<OrganisationUnit> units;
    private final Map<String, OrganisationUnit> byId = new LinkedHashMap<>();
    private final Map<String, List<OrganisationUnit>> children = new LinkedHashMap<>();
    private final Map<String, List<OrganisationUnit>> ancestors = new LinkedHashMap<>();
    private final Map<String, List<String>> subtreesCounting = new LinkedHashMap<>();
    private final Map<String, Set<OrganisationUnit>> byMatchKey = new LinkedHashMap<>();
    private final String fingerprint;

    private Organisation(final List<OrganisationUnit> units) {
        this.units = List.copyOf(units);
        for (final OrganisationUnit unit : this.units) {
            byId.put(unit.id(), unit);
            children.put(unit.id(), new ArrayList<>());
        }
        for (final OrganisationUnit unit : this.units) {
            unit.parent().ifPresent(parent -> children.get(parent).add(unit));
            final List<OrganisationUnit> line = new ArrayList<>();
            for (String up = unit.parentId(); up != null; up = byId.get(up).parentId()) {
                line.add(byId.get(up));
            }
            ancestors.put(unit.id(), List.copyOf(line));
            index(unit, unit.name());
            unit.aliases().forEach(alias -> index(unit, alias));
            unit.codes().forEach(code -> index(unit, code));
        }
        children.replaceAll((id, list) -> List.copyOf(list));
        for (final OrganisationUnit unit : this.units) {
            final List<String> subtrees = new ArrayList<>();
            if (hasChildren(unit.id())) {
                subtrees.add(unit.id());
            }
            ancestors.get(unit.id()).forEach(ancestor -> subtrees.add(ancestor.id()));
            subtreesCounting.put(unit.id(), List.copyOf(subtrees));
        }
        this.fingerprint = fingerprintOf(this.units);
    }

    /**
     * The organisation of {@code units}, in their order; throws {@link InvalidOrganisationException} with every
     * problem (places are {@code units[i]}) when they break a rule of section 6.
     */
    public static Organisation of(final List<OrganisationUnit> units) {
        final List<String> places = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            places.add("units[" + i + "]");
        }
        return checked(units, places, "organisation");
    }

    /** The organisation of {@code units} if {@link OrganisationRules} finds no problem, {@code places} naming each unit. */
    static Organisation checked(final List<OrganisationUnit> units, final List<String> places, final String name) {
        final List<String> problems = OrganisationRules.problems(units, places);
        if (!problems.isEmpty()) {
            throw new InvalidOrganisationException(name, problems);
        }
        return new Organisation(units);
    }

    public Optional<OrganisationUnit> unit(final String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every unit, in the order of the file. */
    public List<OrganisationUnit> units() {
        return units;
    }

    /** The units above {@code id}, its parent first and a root last; empty for a root or an unlisted id. */
    public List<OrganisationUnit> ancestors(final String id) {
        return ancestors.getOrDefault(id, List.of());
    }

    /** The units whose parent is {@code id}, in the order of the file; empty for a leaf or an unlisted id. */
    public List<OrganisationUnit> children(final String id) {
        return children.getOrDefault(id, List.of());
    }

    /** Whether {@code id} is listed and some unit names it as its parent: the units that get subtree rows. */
    public boolean hasChildren(final String id) {
        return !children(id).isEmpty();
    }

    /**
     * The units whose subtree rows count the own rows of {@code unitId} (section 6): the unit itself when it
     * has children, then its ancestors, parent first. Empty for a root without children and for a unit not
     * listed (its own rows enter no subtree).
     */
    public List<String> subtreesCounting(final String unitId) {
        return subtreesCounting.getOrDefault(unitId, List.of());
    }

    /** Every unit under {@code id} (children, their children, ...), depth first in the order of the file. */
    public List<OrganisationUnit> descendants(final String id) {
        final List<OrganisationUnit> below = new ArrayList<>();
        for (final OrganisationUnit child : children(id)) {
            below.add(child);
            below.addAll(descendants(child.id()));
        }
        return below;
    }

    /**
     * A SHA-256 of the tree (each id with its parent, sorted by id), in hex: equal for two files that give
     * every unit the same parent whatever their order, names, aliases, codes or other keys, so that a change
     * of it is a change of the subtree rows.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The first 64 bits of {@link #fingerprint}: the tag a part spread over this tree carries, in 8 bytes. */
    public long fingerprintTag() {
        return Long.parseUnsignedLong(fingerprint.substring(0, 16), 16);
    }

    /**
     * The unit whose name, one of whose aliases or one of whose codes equals {@code text} once both are put
     * in NFC, case-folded (Locale.ROOT) and their runs of white space collapsed to one space and trimmed.
     * Ids are not matched here (look them up exactly with {@link #unit}); several units matching is
     * {@link UnitMatch.Ambiguous}, never a guess.
     */
    public UnitMatch findByNameOrAliasOrCode(final String text) {
        final Set<OrganisationUnit> found = byMatchKey.getOrDefault(matchKey(text), Set.of());
        if (found.isEmpty()) {
            return new UnitMatch.NotFound(text);
        }
        if (found.size() == 1) {
            return new UnitMatch.Found(found.iterator().next());
        }
        return new UnitMatch.Ambiguous(text, units.stream().filter(found::contains).toList());
    }

    private void index(final OrganisationUnit unit, final String text) {
        byMatchKey.computeIfAbsent(matchKey(text), key -> new LinkedHashSet<>()).add(unit);
    }

    /** {@code text} in NFC, case-folded and with each run of white space one space, trimmed. */
    static String matchKey(final String text) {
        final String folded = Normalizer.normalize(
            Normalizer.normalize(text, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
            Normalizer.Form.NFC);
        final StringBuilder key = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            final int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Identifiers.isWhiteSpace(c)) {
                space = key.length() > 0;
            } else {
                if (space) {
                    key.append(' ');
                    space = false;
                }
                key.appendCodePoint(c);
            }
        }
        return key.toString();
    }

    private static String fingerprintOf(final List<OrganisationUnit> units) {
        final Map<String, String> parents = new TreeMap<>();
        units.forEach(unit -> parents.put(unit.id(), unit.parentId() == null ? "" : unit.parentId()));
        final StringBuilder tree = new StringBuilder();
        // identifiers hold no control character: U+0000 and U+000A separate them unambiguously
        parents.forEach((id, parent) -> tree.append(id).append('\u0000').append(parent).append('\n'));
        try {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(tree.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Organisation o && units.equals(o.units);
    }

    @Override
    public int hashCode() {
        return units.hashCode();
    }

    @Override
    public String toString() {
        return "Organisation[" + units.size() + " units, " + fingerprint.substring(0, 12) + "]";
    }
}
