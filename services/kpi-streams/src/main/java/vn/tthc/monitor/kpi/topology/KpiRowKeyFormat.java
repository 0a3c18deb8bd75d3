package vn.tthc.monitor.kpi.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * The text form of a KPI row key in stores and on the KPI rows topic: a JSON array
 * {@code ["unit","field","period"]}. JSON escaping keeps it unambiguous whatever the ids hold, and
 * {@link #unitPrefix} selects one unit's rows with a prefix scan. A key none of whose ids needed escaping (nearly all)
 * is read back without a JSON parser: a task reads a million of them when it starts.
 */
public final class KpiRowKeyFormat {

    private KpiRowKeyFormat() {
    }

    public static String format(final KpiRowKey key) {
        return unitPrefix(key.unitId()) + quoted(key.fieldId()) + "," + quoted(key.period()) + "]";
    }

    /** The key of one KPI of a row, e.g. an alert's: {@code ["unit","field","period","kpi"]}, from the row's key text. */
    public static String withKpi(final String rowKey, final String kpi) {
        return withPart(rowKey, kpi);
    }

    /** A key with one more part, e.g. {@code ["unit","field","period","subtree"]}. */
    public static String withPart(final String key, final String part) {
        return key.substring(0, key.length() - 1) + "," + quoted(part) + "]";
    }

    /** The prefix shared by every key made from {@code key} with {@link #withPart}: {@code key} without its closing bracket, and a comma. */
    public static String partsPrefix(final String key) {
        return key.substring(0, key.length() - 1) + ",";
    }

    /** The last part of a key, e.g. the child of {@code ["top","field","period","child"]}. */
    public static String lastPart(final String text) {
        final List<String> parts = parts(text);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("not a key: " + text);
        }
        return parts.get(parts.size() - 1);
    }

    /** The first part of a key, e.g. the unit of {@code ["unit","field","period"]}. */
    public static String firstPart(final String text) {
        final List<String> parts = parts(text);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("not a key: " + text);
        }
        return parts.get(0);
    }

    public static KpiRowKey parse(final String text) {
        final List<String> parts = parts(text);
        if (parts.size() < 3) {
            throw new IllegalArgumentException("not a KPI row key: " + text);
        }
        return new KpiRowKey(parts.get(0), parts.get(1), parts.get(2));
    }

    /** The ids of a key: read directly when none was escaped, by the JSON parser otherwise. */
    private static List<String> parts(final String text) {
        final List<String> plain = plainParts(text);
        return plain != null ? plain : jsonParts(text);
    }

    /**
     * The ids of {@code ["a","b",...]} written without any escape (no id holds a quote, a backslash or a control
     * character), in which each id is the text between two quotes; null for any other text.
     */
    private static List<String> plainParts(final String text) {
        final int last = text.length() - 1;
        if (last < 3 || text.charAt(0) != '[' || text.charAt(1) != '"' || text.charAt(last - 1) != '"'
            || text.charAt(last) != ']') {
            return null;
        }
        final List<String> parts = new ArrayList<>(4);
        int start = 2;
        int i = 2;
        while (i < last) {
            final char c = text.charAt(i);
            if (c == '\\' || c < 0x20) {
                return null;
            }
            if (c != '"') {
                i++;
                continue;
            }
            parts.add(text.substring(start, i));
            if (i == last - 1) {
                return parts;
            }
            // the next id must follow at once: ","
            if (text.charAt(i + 1) != ',' || text.charAt(i + 2) != '"') {
                return null;
            }
            start = i + 3;
            i = start;
        }
        return null;
    }

    private static List<String> jsonParts(final String text) {
        try {
            final JsonNode array = ContractJson.mapper().readTree(text);
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException("not a key: " + text);
            }
            final List<String> parts = new ArrayList<>(array.size());
            array.forEach(part -> parts.add(part.textValue()));
            return parts;
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException("not a key: " + text, e);
        }
    }

    /** The prefix shared by every row key of one unit, e.g. {@code ["U1",}. */
    public static String unitPrefix(final String unitId) {
        return "[" + quoted(unitId) + ",";
    }

    private static String quoted(final String text) {
        final String escaped = needsEscaping(text) ? new String(JsonStringEncoder.getInstance().quoteAsString(text)) : text;
        return "\"" + escaped + "\"";
    }

    /** Whether JSON would escape any character of {@code text}: a quote, a backslash or a control character. */
    private static boolean needsEscaping(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
