package vn.tthc.monitor.kpi.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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
        return write(List.of(key.unitId(), key.fieldId(), key.period()));
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
        final String unit = write(List.of(unitId));
        return unit.substring(0, unit.length() - 1) + ",";
    }

    private static String write(final List<String> parts) {
        try {
            return ContractJson.mapper().writeValueAsString(parts);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + parts, e);
        }
    }
}
