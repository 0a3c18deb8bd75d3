package vn.tthc.monitor.kpi.topology.rows;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.ByteUtils;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.KpiChange;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * The binary form of a {@link KpiChange} on this stage's repartition by unit ({@link UnitKpiTopology#KPI_CHANGES}),
 * the only place a change is serialized: version 1 is the entityId, the number of rows, then each row's unitId,
 * fieldId, period and counters ({@link KpiCountersSerde}'s form).
 */
public final class KpiChangeSerde extends BinarySerde<KpiChange> {

    private static final byte VERSION = 1;

    public KpiChangeSerde() {
        super("KPI change", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final KpiChange change) throws IOException {
        writeString(out, change.entityId());
        ByteUtils.writeVarint(change.rows().rows().size(), out);
        for (final Map.Entry<KpiRowKey, KpiCounters> row : change.rows().rows().entrySet()) {
            writeString(out, row.getKey().unitId());
            writeString(out, row.getKey().fieldId());
            writeString(out, row.getKey().period());
            KpiCountersSerde.writeCounters(out, row.getValue());
        }
    }

    @Override
    protected KpiChange read(final DataInputStream in) throws IOException {
        final String entityId = readString(in);
        final int count = ByteUtils.readVarint(in);
        final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            rows.put(new KpiRowKey(readString(in), readString(in), readString(in)), KpiCountersSerde.readCounters(in));
        }
        return new KpiChange(entityId, new KpiContribution(rows));
    }
}
