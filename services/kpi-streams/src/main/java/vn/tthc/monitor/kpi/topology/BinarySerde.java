package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A serde in {@link BinaryFormat}, values at most {@link ValueSize#MAX_BYTES}; {@code null} stays {@code null}. */
final class BinarySerde<T> implements Serde<T> {

    private final BinaryFormat.Writer<T> writer;
    private final BinaryFormat.Reader<T> reader;

    BinarySerde(final BinaryFormat.Writer<T> writer, final BinaryFormat.Reader<T> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : ValueSize.checked(topic, BinaryFormat.encode(writer, value));
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : BinaryFormat.decode(reader, bytes);
    }
}
