package vn.tthc.monitor.kpi.topology.serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact binary form of one type of the pipeline's values, in its stores and on its
 * repartition topics: the type's own format version byte, then its fields in a fixed order
 * ({@link BinaryFields}); values at most {@link ValueSize#MAX_BYTES}, {@code null} stays {@code null}.
 * Measured: the JSON forms took four tenths of the stream threads' time. Each type is versioned on its
 * own: a new field in one type is a new version of that type's serde alone, which then reads its old
 * version beside the new one (the state written before must stay readable, see StateCompatibilityTest).
 */
public abstract class BinarySerde<T> implements Serde<T> {

    /**
     * Each stream thread encodes and decodes thousands of values a second: measured, the streams and buffers made
     * for each value were a tenth of what the stream threads allocated (docs/BENCHMARKS.md, "Allocation per event").
     */
    private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);
    private static final ThreadLocal<Decoder> DECODERS = ThreadLocal.withInitial(Decoder::new);
    private static final byte[] NO_BYTES = new byte[0];

    private final String type;
    private final byte version;

    /** {@code type}: what the values are, for errors; {@code version}: the format version this serde writes. */
    protected BinarySerde(final String type, final byte version) {
        this.type = type;
        this.version = version;
    }

    /** Writes the fields of one value, after the version byte. */
    protected abstract void write(DataOutputStream out, T value) throws IOException;

    /** Reads the fields of one value of this serde's version, after the version byte. */
    protected abstract T read(DataInputStream in) throws IOException;

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : ValueSize.checked(topic, encode(value));
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    private byte[] encode(final T value) {
        final Encoder encoder = ENCODERS.get();
        encoder.bytes.clear();
        try {
            encoder.out.writeByte(version);
            write(encoder.out, value);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return encoder.bytes.toByteArray();
    }

    private T decode(final byte[] data) {
        final Decoder decoder = DECODERS.get();
        decoder.bytes.reset(data);
        try {
            final byte written = decoder.in.readByte();
            if (written != version) {
                throw new IllegalArgumentException("unknown binary format version " + written + " of " + type);
            }
            return read(decoder.in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decoder.bytes.reset(NO_BYTES);
        }
    }

    /** A thread's buffer and stream to write values into, reused: a value is encoded whole before the next one. */
    private static final class Encoder {
        final ByteSink bytes = new ByteSink();
        final DataOutputStream out = new DataOutputStream(bytes);
    }

    /** A thread's stream to read values from, reused (a {@link DataInputStream} allocates its buffers when made). */
    private static final class Decoder {
        final ByteSource bytes = new ByteSource();
        final DataInputStream in = new DataInputStream(bytes);
    }

    /**
     * A growing byte array, like {@link java.io.ByteArrayOutputStream} without its locks: a value is
     * written by one thread, and the JDK's synchronized writes cost a lock per byte.
     */
    private static final class ByteSink extends OutputStream {

        private byte[] buffer = new byte[128];
        private int size;

        @Override
        public void write(final int b) {
            ensureRoom(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) {
            ensureRoom(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        void clear() {
            size = 0;
        }

        private void ensureRoom(final int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** Reads a byte array, like {@link java.io.ByteArrayInputStream} without its locks (see {@link ByteSink}). */
    private static final class ByteSource extends InputStream {

        private byte[] data = NO_BYTES;
        private int position;

        /** Reads {@code bytes} from their start; {@link #NO_BYTES} after a value, so that no value outlives its decoding here. */
        void reset(final byte[] bytes) {
            data = bytes;
            position = 0;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(final byte[] target, final int offset, final int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= data.length) {
                return -1;
            }
            final int count = Math.min(length, data.length - position);
            System.arraycopy(data, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return data.length - position;
        }
    }
}
