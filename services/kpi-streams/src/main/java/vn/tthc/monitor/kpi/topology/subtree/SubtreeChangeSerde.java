package vn.tthc.monitor.kpi.topology.subtree;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
        KpiCountersSerde.writeRows(out, change.rows());
    }

    @Override
    protected SubtreeChange read(final DataInputStream in) throws IOException {
        final long tree = in.readLong();
        final String child = readString(in);
        return new SubtreeChange(tree, child, KpiCountersSerde.readRows(in));
    }
}
