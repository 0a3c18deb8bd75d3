package vn.tthc.monitor.contract.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.Identifiers;
import vn.tthc.monitor.contract.kpi.Kpi;

/**
 * An alert key as text, the JSON array of {@code KpiAlert.key()} (the alerts topics' record key):
 * {@code ["unit","field","period","kpi"]}, then {@code "subtree"} for a subtree row and {@code "AT_RISK"} for a
 * forecast alert, in that order.
 */
public final class AlertKeys {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private AlertKeys() {
    }

    /** {@code text} as an alert key, or empty when it is not one (bad JSON, unknown KPI, an element too long). */
    public static Optional<List<String>> parse(final String text) {
        if (text == null || text.length() > 1_000) {
            return Optional.empty();
        }
        final List<String> key;
        try {
            key = ContractJson.mapper().readValue(text, STRINGS);
        } catch (final JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (key == null || key.size() < 4 || key.size() > 6 || key.stream().anyMatch(part -> part == null || part.isBlank()
            || part.codePointCount(0, part.length()) > Identifiers.MAX_LENGTH)) {
            return Optional.empty();
        }
        try {
            Kpi.fromId(key.get(3));
        } catch (final IllegalArgumentException e) {
            return Optional.empty();
        }
        final List<String> rest = key.subList(4, key.size());
        final boolean restValid = rest.isEmpty() || rest.equals(List.of("subtree")) || rest.equals(List.of("AT_RISK"))
            || rest.equals(List.of("subtree", "AT_RISK"));
        return restValid ? Optional.of(List.copyOf(key)) : Optional.empty();
    }

    /** The key as its JSON text, the form {@link #parse} reads and the topics' record key. */
    public static String text(final List<String> key) {
        try {
            return ContractJson.mapper().writeValueAsString(key);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
