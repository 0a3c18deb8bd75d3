package vn.tthc.monitor.kpi.topology.subtree;

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
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * The binary form of a {@link SubtreeChange} on {@link SubtreeTopology#SUBTREE_CHANGES}: version 1 is the tree tag
 * (8 bytes), the child, the number of rows, then each row's unitId, fieldId, period and counters
 * ({@link KpiCountersSerde}'s form).
 */
public final class SubtreeChangeSerde extends BinarySerde<SubtreeChange> {

    private static final byte VERSION = 1;

    public SubtreeChangeSerde() {
        super("subtree change", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final SubtreeChange change) throws IOException {
        out.writeLong(change.tree());
        writeString(out, change.child());
        ByteUtils.writeVarint(change.rows().rows().size(), out);
        for (final Map.Entry<KpiRowKey, KpiCounters> row : change.rows().rows().entrySet()) {
            writeString(out, row.getKey().unitId());
            writeString(out, row.getKey().fieldId());
            writeString(out, row.getKey().period());
            KpiCountersSerde.writeCounters(out, row.getValue());
        }
    }

    @Override
    protected SubtreeChange read(final DataInputStream in) throws IOException {
        final long tree = in.readLong();
        final String child = readString(in);
        final int count = ByteUtils.readVarint(in);
        final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            rows.put(new KpiRowKey(readString(in), readString(in), readString(in)), KpiCountersSerde.readCounters(in));
        }
        return new SubtreeChange(tree, child, new KpiContribution(rows));
    }
}
