package vn.tthc.monitor.contract.kpi;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whose cases a KPI row counts (EVENTS.md section 5, v2): {@code own}, the unit's own cases, or
 * {@code subtree}, the unit and every unit under it (section 6). Written in lower case in reports.
 */
public enum Scope {
    OWN, SUBTREE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
