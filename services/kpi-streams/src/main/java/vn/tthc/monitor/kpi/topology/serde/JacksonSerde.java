package vn.tthc.monitor.kpi.topology.serde;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import vn.tthc.monitor.contract.ContractJson;

/**
 * A JSON serde for the contract's own types ({@link ContractJson}), for the topics others read,
 * values at most {@link ValueSize#MAX_BYTES}; {@code null} stays {@code null}.
 */
public final class JacksonSerde<T> implements Serde<T> {

    private final ObjectMapper mapper;
    private final JavaType type;

    private JacksonSerde(final ObjectMapper mapper, final Class<T> type) {
        this.mapper = mapper;
        this.type = mapper.constructType(type);
    }

    public static <T> JacksonSerde<T> json(final Class<T> type) {
        return new JacksonSerde<>(ContractJson.mapper(), type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return ValueSize.checked(topic, mapper.writerFor(type).writeValueAsBytes(value));
            } catch (final IOException e) {
                throw new SerializationException("cannot write " + type + " for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return mapper.readValue(bytes, type);
            } catch (final IOException e) {
                throw new SerializationException("cannot read " + type + " from topic " + topic, e);
            }
        };
    }
}
