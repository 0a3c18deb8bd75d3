package vn.tthc.monitor.kpi.topology.opencases;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;

/**
 * The binary form of an open case in {@code open-cases-store}: version 1 is caseId, unitId, fieldId,
 * procedureId, the effective due time, whether it waits on the citizen, then the nullable due time
 * last warned as due soon, as overdue, and the alarm.
 */
public final class OpenCaseSerde extends BinarySerde<OpenCase> {

    private static final byte VERSION = 1;

    public OpenCaseSerde() {
        super("open case", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final OpenCase open) throws IOException {
        writeString(out, open.caseId());
        writeString(out, open.unitId());
        writeString(out, open.fieldId());
        writeString(out, open.procedureId());
        writeInstant(out, open.effectiveDue());
        out.writeBoolean(open.waitingOnCitizen());
        writeNullableInstant(out, open.dueSoonWarnedFor());
        writeNullableInstant(out, open.overdueWarnedFor());
        writeNullableInstant(out, open.alarm());
    }

    @Override
    protected OpenCase read(final DataInputStream in) throws IOException {
        return new OpenCase(readString(in), readString(in), readString(in), readString(in), readInstant(in),
            in.readBoolean(), readNullableInstant(in), readNullableInstant(in), readNullableInstant(in));
    }
}
