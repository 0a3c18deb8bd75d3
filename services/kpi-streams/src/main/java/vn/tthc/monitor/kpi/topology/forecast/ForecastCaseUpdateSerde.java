package vn.tthc.monitor.kpi.topology.forecast;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import vn.tthc.monitor.kpi.topology.serde.BinaryAfterJsonSerde;

/**
 * The binary form of {@link ForecastCaseUpdate} on {@link ForecastTopology#OPEN_CASES_BY_UNIT}: version 1 (never 0x7B,
 * '{', which starts the JSON the topic carried before, still read: {@link BinaryAfterJsonSerde}) is caseId, fieldId,
 * the nullable effective due time (null in a closing), whether the case waits on the citizen, is open, was resolved or
 * withdrawn, then the nullable time of its counted reception.
 */
public final class ForecastCaseUpdateSerde extends BinaryAfterJsonSerde<ForecastCaseUpdate> {

    private static final byte VERSION = 1;

    public ForecastCaseUpdateSerde() {
        super("forecast case update", VERSION, ForecastCaseUpdate.class);
    }

    @Override
    protected void write(final DataOutputStream out, final ForecastCaseUpdate update) throws IOException {
        writeString(out, update.caseId());
        writeString(out, update.fieldId());
        writeNullableInstant(out, update.effectiveDue());
        out.writeBoolean(update.waitingOnCitizen());
        out.writeBoolean(update.open());
        out.writeBoolean(update.resolvedOrWithdrawn());
        writeNullableInstant(out, update.receivedAt());
    }

    @Override
    protected ForecastCaseUpdate read(final DataInputStream in) throws IOException {
        return new ForecastCaseUpdate(readString(in), readString(in), readNullableInstant(in), in.readBoolean(),
            in.readBoolean(), in.readBoolean(), readNullableInstant(in));
    }
}
