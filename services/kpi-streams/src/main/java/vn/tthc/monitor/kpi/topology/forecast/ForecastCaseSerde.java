package vn.tthc.monitor.kpi.topology.forecast;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.kpi.topology.serde.BinaryAfterJsonSerde;

/**
 * The binary form of an open case as the forecast keeps it in
 * {@link vn.tthc.monitor.kpi.topology.StoreCatalog#FORECAST_CASES_STORE}: version 1 (never 0x7B, '{', which starts the
 * JSON the store kept before, still read: {@link BinaryAfterJsonSerde}) is caseId, the effective due time, whether it
 * waits on the citizen, then the nullable time of its counted reception.
 */
public final class ForecastCaseSerde extends BinaryAfterJsonSerde<ForecastCase> {

    private static final byte VERSION = 1;

    public ForecastCaseSerde() {
        super("forecast case", VERSION, ForecastCase.class);
    }

    @Override
    protected void write(final DataOutputStream out, final ForecastCase open) throws IOException {
        writeString(out, open.caseId());
        writeInstant(out, open.effectiveDue());
        out.writeBoolean(open.waitingOnCitizen());
        writeNullableInstant(out, open.receivedAt());
    }

    @Override
    protected ForecastCase read(final DataInputStream in) throws IOException {
        return new ForecastCase(readString(in), readInstant(in), in.readBoolean(), readNullableInstant(in));
    }
}
