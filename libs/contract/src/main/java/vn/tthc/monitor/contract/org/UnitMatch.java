package vn.tthc.monitor.contract.org;

import java.util.List;

/**
 * What {@link Organisation#findByNameOrAliasOrCode} found for a name: one unit, none, or several (an
 * ambiguous name, reported with the units it could mean rather than guessed).
 */
public sealed interface UnitMatch {

    /** Exactly one unit has the name, an alias or a code that matches. */
    record Found(OrganisationUnit unit) implements UnitMatch {
    }

    /** No unit matches. */
    record NotFound(String query) implements UnitMatch {
    }

    /** Several units match; in the order of the file. */
    record Ambiguous(String query, List<OrganisationUnit> candidates) implements UnitMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }
}
