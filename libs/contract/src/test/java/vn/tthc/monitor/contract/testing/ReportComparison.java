package vn.tthc.monitor.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.tthc.monitor.contract.ContractJson;

/**
 * Compares a section-5 report with an expected one: the same rows (by unit, field, period and scope) with
 * the same counters, the same breaches (values within 1e-6, as the examples round them), the same
 * {@code rejected}. Order is free.
 */
public final class ReportComparison {

    private static final String[] COUNTERS = {"received", "receivedOnline", "onlineEligible", "onlineEligibleOnline",
        "resolved", "early", "onTime", "late", "extended", "withdrawn", "ratings", "satisfied", "feedbackResolved",
        "feedbackOnTime"};
    private static final double TOLERANCE = 1e-6;

    private ReportComparison() {
    }

    /** The differences between {@code actual} (any object that serialises to a report) and the expected file; empty when equal. */
    public static List<String> differences(final Object actual, final Path expectedFile) {
        try {
            return differences(ContractJson.mapper().valueToTree(actual), ContractJson.mapper().readTree(expectedFile.toFile()));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> differences(final JsonNode actual, final JsonNode expected) {
        final List<String> differences = new ArrayList<>();
        compareRows(byKey(actual.get("kpis"), false), byKey(expected.get("kpis"), false), "row", differences);
        compareRows(byKey(actual.get("breaches"), true), byKey(expected.get("breaches"), true), "breach", differences);
        if (actual.get("rejected").asLong() != expected.get("rejected").asLong()) {
            differences.add("rejected: expected " + expected.get("rejected") + " but was " + actual.get("rejected"));
        }
        return differences;
    }

    private static void compareRows(final Map<String, JsonNode> actual, final Map<String, JsonNode> expected,
                                    final String what, final List<String> differences) {
        expected.forEach((key, row) -> {
            final JsonNode other = actual.get(key);
            if (other == null) {
                differences.add("missing " + what + " " + key + ": " + row);
            } else if (!sameValues(other, row, what.equals("breach"))) {
                differences.add(what + " " + key + ": expected " + row + " but was " + other);
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key))
            .forEach(key -> differences.add("unexpected " + what + " " + key + ": " + actual.get(key)));
    }

    private static boolean sameValues(final JsonNode actual, final JsonNode expected, final boolean breach) {
        if (breach) {
            return Math.abs(actual.get("value").asDouble() - expected.get("value").asDouble()) < TOLERANCE
                && Math.abs(actual.get("target").asDouble() - expected.get("target").asDouble()) < TOLERANCE
                && actual.get("volume").asLong() == expected.get("volume").asLong();
        }
        for (final String counter : COUNTERS) {
            if (actual.get(counter) == null || actual.get(counter).asLong() != expected.get(counter).asLong()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(final JsonNode rows, final boolean breach) {
        final Map<String, JsonNode> byKey = new TreeMap<>();
        for (final JsonNode row : rows) {
            final String key = row.get("unitId").asText() + "|" + row.get("fieldId").asText() + "|"
                + row.get("period").asText() + "|" + row.path("scope").asText("(no scope)")
                + (breach ? "|" + row.get("kpi").asText() : "");
            if (byKey.put(key, row) != null) {
                byKey.put(key + "#duplicate", row);
            }
        }
        return byKey;
    }
}
