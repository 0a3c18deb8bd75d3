package vn.tthc.monitor.kpi.topology.alerts;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.ByteUtils;
import vn.tthc.monitor.kpi.topology.serde.BinaryFields;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;

/** The binary form of {@link DrivingIds} in {@code kpi-alert-drivers-store}: version 1 is the number of ids, then each id. */
public final class DrivingIdsSerde extends BinarySerde<DrivingIds> {

    private static final byte VERSION = 1;

    public DrivingIdsSerde() {
        super("driving ids", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final DrivingIds driving) throws IOException {
        ByteUtils.writeVarint(driving.ids().size(), out);
        for (final String id : driving.ids()) {
            BinaryFields.writeString(out, id);
        }
    }

    @Override
    protected DrivingIds read(final DataInputStream in) throws IOException {
        final int count = ByteUtils.readVarint(in);
        final List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(BinaryFields.readString(in));
        }
        return new DrivingIds(ids);
    }
}
