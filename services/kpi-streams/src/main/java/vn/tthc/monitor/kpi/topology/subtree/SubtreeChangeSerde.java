package vn.tthc.monitor.kpi.topology.subtree;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * The binary form of a {@link SubtreeChange} on {@link SubtreeTopology#SUBTREE_CHANGES}: version 1 is the tree tag
 * (8 bytes), the child, the row's unitId, fieldId and period, then the counters ({@link KpiCountersSerde}'s form).
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
        writeString(out, change.row().unitId());
        writeString(out, change.row().fieldId());
        writeString(out, change.row().period());
        KpiCountersSerde.writeCounters(out, change.change());
    }

    @Override
    protected SubtreeChange read(final DataInputStream in) throws IOException {
        return new SubtreeChange(in.readLong(), readString(in),
            new KpiRowKey(readString(in), readString(in), readString(in)), KpiCountersSerde.readCounters(in));
    }
}
