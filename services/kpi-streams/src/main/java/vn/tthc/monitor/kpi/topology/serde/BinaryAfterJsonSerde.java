package vn.tthc.monitor.kpi.topology.serde;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * The binary serde of a type whose values were JSON before ({@link JacksonSerde}): it writes the binary form and reads
 * both, so that the JSON still in a store or on a repartition topic when the service is upgraded stays readable. A JSON
 * object starts with '{' (0x7B), which no binary form starts with: the constructor refuses 0x7B as a version byte, so
 * the first byte tells the two forms apart.
 */
public abstract class BinaryAfterJsonSerde<T> extends BinarySerde<T> {

    private static final byte JSON_OBJECT_START = '{';

    private final Deserializer<T> json;

    /** {@code jsonType}: the type as {@link JacksonSerde#json} read it before. */
    protected BinaryAfterJsonSerde(final String type, final byte version, final Class<T> jsonType) {
        super(type, version);
        if (version == JSON_OBJECT_START) {
            throw new IllegalArgumentException("the binary format version of " + type + " cannot be 0x7B, which starts the "
                + "JSON written before");
        }
        this.json = JacksonSerde.json(jsonType).deserializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        final Deserializer<T> binary = super.deserializer();
        return (topic, bytes) -> bytes != null && bytes.length > 0 && bytes[0] == JSON_OBJECT_START
            ? json.deserialize(topic, bytes)
            : binary.deserialize(topic, bytes);
    }
}
