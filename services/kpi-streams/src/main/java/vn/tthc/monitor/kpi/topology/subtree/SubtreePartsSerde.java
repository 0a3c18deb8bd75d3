package vn.tthc.monitor.kpi.topology.subtree;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * The binary form of {@link SubtreeParts} on {@link SubtreeTopology#SUBTREE_CHANGES}: version 2 is the tree tag
 * (8 bytes), the child, the unit, whether the rows are whole (1 byte), the number of rows, then each row's unitId,
 * fieldId, period and counters ({@link KpiCountersSerde}'s form). Version 1 carried changes, not parts; the records
 * of version 1 still on the topic when a service is upgraded go to the dead letters, and the subtree rows are built
 * again from the parts ({@link SubtreeTopology#builtOver}).
 */
public final class SubtreePartsSerde extends BinarySerde<SubtreeParts> {

    private static final byte VERSION = 2;

    public SubtreePartsSerde() {
        super("subtree parts", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final SubtreeParts parts) throws IOException {
        out.writeLong(parts.tree());
        writeString(out, parts.child());
        writeString(out, parts.unitId());
        out.writeBoolean(parts.whole());
        KpiCountersSerde.writeRows(out, parts.rows());
    }

    @Override
    protected SubtreeParts read(final DataInputStream in) throws IOException {
        final long tree = in.readLong();
        final String child = readString(in);
        final String unitId = readString(in);
        final boolean whole = in.readBoolean();
        return new SubtreeParts(tree, child, unitId, whole, KpiCountersSerde.readRows(in));
    }
}
