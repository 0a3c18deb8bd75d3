package vn.tthc.monitor.kpi.topology.serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * The fields of the binary forms ({@link BinarySerde}): strings as length-prefixed UTF-8, instants
 * as seconds and nanoseconds, either of them optionally {@code null} behind a presence flag.
 * Counts and counters are Kafka's variable-length ints and longs ({@link ByteUtils}).
 */
public final class BinaryFields {

    private BinaryFields() {
    }

    public static void writeString(final DataOutputStream out, final String text) throws IOException {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteUtils.writeVarint(utf8.length, out);
        out.write(utf8);
    }

    public static String readString(final DataInputStream in) throws IOException {
        final byte[] utf8 = new byte[ByteUtils.readVarint(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    public static void writeNullableString(final DataOutputStream out, final String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            writeString(out, text);
        }
    }

    public static String readNullableString(final DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    public static void writeInstant(final DataOutputStream out, final Instant instant) throws IOException {
        ByteUtils.writeVarlong(instant.getEpochSecond(), out);
        ByteUtils.writeVarint(instant.getNano(), out);
    }

    public static Instant readInstant(final DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(ByteUtils.readVarlong(in), ByteUtils.readVarint(in));
    }

    public static void writeNullableInstant(final DataOutputStream out, final Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            writeInstant(out, instant);
        }
    }

    public static Instant readNullableInstant(final DataInputStream in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }
}
