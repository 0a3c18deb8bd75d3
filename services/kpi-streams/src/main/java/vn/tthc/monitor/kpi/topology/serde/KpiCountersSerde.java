package vn.tthc.monitor.kpi.topology.serde;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.utils.ByteUtils;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * The binary form of a KPI row's counters in {@code kpi-rows-store}, {@code subtree-rows-store} and
 * {@code subtree-children-store}: version 1 is the fourteen counters in the order of {@link KpiCounters}' fields, as
 * variable-length longs (a change's may be negative). Here, not beside a stage, as two stages keep counters (rows
 * and subtree) and nest them in their changes.
 */
public final class KpiCountersSerde extends BinarySerde<KpiCounters> {

    private static final byte VERSION = 1;
    /** The counters in the order of the form (no array of them made per row: rows are written with nearly every event). */
    private static final List<ToLongFunction<KpiCounters>> COUNTERS = List.of(KpiCounters::received,
        KpiCounters::receivedOnline, KpiCounters::onlineEligible, KpiCounters::onlineEligibleOnline, KpiCounters::resolved,
        KpiCounters::early, KpiCounters::onTime, KpiCounters::late, KpiCounters::extended, KpiCounters::withdrawn,
        KpiCounters::ratings, KpiCounters::satisfied, KpiCounters::feedbackResolved, KpiCounters::feedbackOnTime);

    public KpiCountersSerde() {
        super("KPI counters", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final KpiCounters counters) throws IOException {
        writeCounters(out, counters);
    }

    @Override
    protected KpiCounters read(final DataInputStream in) throws IOException {
        return readCounters(in);
    }

    /** The counters in version 1, also nested in the changes the rows and subtree stages repartition. */
    public static void writeCounters(final DataOutputStream out, final KpiCounters c) throws IOException {
        for (final ToLongFunction<KpiCounters> counter : COUNTERS) {
            ByteUtils.writeVarlong(counter.applyAsLong(c), out);
        }
    }

    public static KpiCounters readCounters(final DataInputStream in) throws IOException {
        return new KpiCounters(ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
            ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
            ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
            ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in));
    }

    /**
     * The rows of a contribution, nested in the changes the rows and subtree stages repartition: their number, then
     * each row's unitId, fieldId, period and counters.
     */
    public static void writeRows(final DataOutputStream out, final KpiContribution rows) throws IOException {
        ByteUtils.writeVarint(rows.rows().size(), out);
        for (final Map.Entry<KpiRowKey, KpiCounters> row : rows.rows().entrySet()) {
            writeString(out, row.getKey().unitId());
            writeString(out, row.getKey().fieldId());
            writeString(out, row.getKey().period());
            writeCounters(out, row.getValue());
        }
    }

    public static KpiContribution readRows(final DataInputStream in) throws IOException {
        final int count = ByteUtils.readVarint(in);
        final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            rows.put(new KpiRowKey(readString(in), readString(in), readString(in)), readCounters(in));
        }
        return new KpiContribution(rows);
    }
}
