package vn.tthc.monitor.gateway.status;

import java.util.List;
import vn.tthc.monitor.contract.event.Identifiers;

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
