package vn.tthc.monitor.kpi.topology.forecast;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.ByteUtils;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;

/**
 * The binary form of {@link ForecastParts}, on {@link ForecastTopology#FORECAST_PARTS_BY_TOP} and in
 * {@link vn.tthc.monitor.kpi.topology.StoreCatalog#SUBTREE_FORECAST_PARTS_STORE}: version 1 is the tree tag
 * (8 bytes), the unit, whether the projections are whole (1 byte), their number, then each row's fieldId and period
 * and its projection's overdue, rest and waiting counts (varlongs). The rows are the unit's own, so the unit is not
 * repeated in them.
 */
public final class ForecastPartsSerde extends BinarySerde<ForecastParts> {

    private static final byte VERSION = 1;

    public ForecastPartsSerde() {
        super("forecast parts", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final ForecastParts parts) throws IOException {
        out.writeLong(parts.tree());
        writeString(out, parts.unitId());
        out.writeBoolean(parts.whole());
        ByteUtils.writeVarint(parts.projections().size(), out);
        for (final Map.Entry<KpiRowKey, ForecastProjection> row : parts.projections().entrySet()) {
            writeString(out, row.getKey().fieldId());
            writeString(out, row.getKey().period());
            ByteUtils.writeVarlong(row.getValue().overdue(), out);
            ByteUtils.writeVarlong(row.getValue().rest(), out);
            ByteUtils.writeVarlong(row.getValue().waiting(), out);
        }
    }

    @Override
    protected ForecastParts read(final DataInputStream in) throws IOException {
        final long tree = in.readLong();
        final String unitId = readString(in);
        final boolean whole = in.readBoolean();
        final int count = ByteUtils.readVarint(in);
        final TreeMap<KpiRowKey, ForecastProjection> projections = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            final KpiRowKey row = new KpiRowKey(unitId, readString(in), readString(in));
            projections.put(row, new ForecastProjection(ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
                ByteUtils.readVarlong(in)));
        }
        return new ForecastParts(tree, unitId, whole, projections);
    }
}
