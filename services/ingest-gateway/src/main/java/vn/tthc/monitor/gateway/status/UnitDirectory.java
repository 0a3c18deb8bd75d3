package vn.tthc.monitor.gateway.status;

import java.util.List;
import vn.tthc.monitor.contract.event.Identifiers;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.contract.org.UnitMatch;

/**
 * Which unit a record's DonViXuLy or MaDinhDanhDV names: a value goes in, the unit id (or why none) comes out.
 * Never guesses: a value that matches no unit, or several, is not a unit.
 */
public interface UnitDirectory {

    /** What a value resolved to. */
    sealed interface Resolution {
    }

    /** The unit with this id. */
    record Found(String unitId) implements Resolution {
    }

    /** No unit. */
    record NotFound() implements Resolution {
    }

    /** Several units share the name, alias or code. */
    record Ambiguous(List<String> unitIds) implements Resolution {
        public Ambiguous {
            unitIds = List.copyOf(unitIds);
        }
    }

    Resolution resolve(String value);

    /** Whether units are matched against an organisation file (false: values pass through as unit ids). */
    boolean matchesUnits();

    /**
     * The units of an organisation file (EVENTS.md section 6): a value equal to a unit id is that unit (ids are
     * compared exactly, never normalised); otherwise the one unit whose name, alias or code matches it after NFC,
     * case folding and collapsed white space ({@link Organisation#findByNameOrAliasOrCode}).
     */
    static UnitDirectory of(final Organisation organisation) {
        return new UnitDirectory() {
            @Override
            public Resolution resolve(final String value) {
                final var exact = organisation.unit(value);
                if (exact.isPresent()) {
                    return new Found(exact.get().id());
                }
                final UnitMatch match = organisation.findByNameOrAliasOrCode(value);
                if (match instanceof UnitMatch.Found found) {
                    return new Found(found.unit().id());
                }
                if (match instanceof UnitMatch.Ambiguous ambiguous) {
                    return new Ambiguous(ambiguous.candidates().stream().map(OrganisationUnit::id).toList());
                }
                return new NotFound();
            }

            @Override
            public boolean matchesUnits() {
                return true;
            }
        };
    }

    /**
     * Without an organisation file: the value is the unit id when it is a valid identifier (as before unit
     * matching existed), else no unit.
     */
    static UnitDirectory passThrough() {
        return new UnitDirectory() {
            @Override
            public Resolution resolve(final String value) {
                return Identifiers.problem(value) == null ? new Found(value) : new NotFound();
            }

            @Override
            public boolean matchesUnits() {
                return false;
            }
        };
    }
}
