package vn.tthc.monitor.kpi.topology.rows;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
        KpiCountersSerde.writeRows(out, change.rows());
    }

    @Override
    protected KpiChange read(final DataInputStream in) throws IOException {
        final String entityId = readString(in);
        return new KpiChange(entityId, KpiCountersSerde.readRows(in));
    }
}
