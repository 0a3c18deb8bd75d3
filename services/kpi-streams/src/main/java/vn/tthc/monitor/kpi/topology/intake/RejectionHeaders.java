package vn.tthc.monitor.kpi.topology.intake;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers a rejected record carries on the dead-letter topic ({@code rejected}), beside its
 * original key and bytes: an invalid event (kind {@value #INVALID_EVENT}) or a record the exception
 * handlers dead-lettered ({@link vn.tthc.monitor.kpi.deadletter.DeadLetterKind}), which also
 * carry the exception's class, the processor node and the task.
 */
public final class RejectionHeaders {

    public static final String REASON = "tthc.rejection.reason";
    public static final String KIND = "tthc.rejection.kind";
    public static final String EXCEPTION = "tthc.rejection.exception";
    public static final String PROCESSOR = "tthc.rejection.processor";
    public static final String TASK = "tthc.rejection.task";
    public static final String SOURCE_TOPIC = "tthc.source.topic";
    public static final String SOURCE_PARTITION = "tthc.source.partition";
    public static final String SOURCE_OFFSET = "tthc.source.offset";
    /** The kind of an event the contract rejects (EVENTS.md section 1). */
    public static final String INVALID_EVENT = "invalid_event";

    private RejectionHeaders() {
    }

    static void add(final Headers headers, final String reason, final RecordMetadata source) {
        put(headers, REASON, reason);
        put(headers, KIND, INVALID_EVENT);
        put(headers, SOURCE_TOPIC, source.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
    }

    /** The text of a header, or {@code null} when the record lacks it. */
    public static String read(final Headers headers, final String name) {
        final var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sets header {@code name} to {@code value}, replacing any header of that name. */
    public static void put(final Headers headers, final String name, final String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
