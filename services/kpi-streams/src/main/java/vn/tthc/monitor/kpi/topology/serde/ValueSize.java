package vn.tthc.monitor.kpi.topology.serde;

import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The most bytes a serialized value of the pipeline may have, far below the brokers' 1 MB record
 * limit. Values are bounded well below it by design (docs/CONTRACT-NOTES.md, "Bounded histories";
 * docs/ARCHITECTURE.md, "Record sizes"); a larger one is refused at serialization, which the
 * exception handlers dead-letter without touching the exactly-once transaction, where a record the
 * producer refuses would abort it.
 */
public final class ValueSize {

    public static final int MAX_BYTES = 512 * 1024;

    private ValueSize() {
    }

    static byte[] checked(final String topic, final byte[] bytes) {
        if (bytes != null && bytes.length > MAX_BYTES) {
            throw new SerializationException(String.format(Locale.ROOT,
                "a value of %,d bytes for %s is larger than the %,d bytes a value may have", bytes.length, topic, MAX_BYTES));
        }
        return bytes;
    }
}
