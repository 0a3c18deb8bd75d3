package vn.tthc.monitor.kpi.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * The text form of a KPI row key in stores and on the KPI rows topic: a JSON array
 * {@code ["unit","field","period"]}. JSON escaping keeps it unambiguous whatever the ids hold, and
 * {@link #unitPrefix} selects one unit's rows with a prefix scan.
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
        try {
            final JsonNode array = ContractJson.mapper().readTree(text);
            return array.get(array.size() - 1).textValue();
        } catch (final JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("not a key: " + text, e);
        }
    }

    public static KpiRowKey parse(final String text) {
        try {
            final JsonNode array = ContractJson.mapper().readTree(text);
            return new KpiRowKey(array.get(0).textValue(), array.get(1).textValue(), array.get(2).textValue());
        } catch (final JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("not a KPI row key: " + text, e);
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
