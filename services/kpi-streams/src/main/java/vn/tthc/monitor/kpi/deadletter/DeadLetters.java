package vn.tthc.monitor.kpi.deadletter;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;

/**
 * Builds the dead-letter record of a failure: the record the failing task read (its original key
 * and bytes) to the dead-letter topic with the reason, the source topic, partition and offset, the
 * exception's class, the processor node and the task in headers (see {@link RejectionHeaders}).
 * Counts them per {@link DeadLetterKind} for the metrics, in this JVM since it started. A dead letter
 * is bounded ({@link #MAX_RECORD_BYTES}) so that it can always be written: a larger source record is
 * cut, its own headers left out, with {@value #TRUNCATED} naming the original sizes; the whole record
 * stays in its source topic at the offset the headers name.
 */
public final class DeadLetters {

    /** The longest reason written: an exception's message may quote a whole value. */
    static final int MAX_REASON_LENGTH = 1000;
    /** The most bytes of key, value and source headers a dead letter carries, far below a request's 1 MiB. */
    static final int MAX_RECORD_BYTES = 512 * 1024;
    /** Header of a cut dead letter: {@code key=<bytes>,value=<bytes>,headers=<bytes>} of the source record. */
    static final String TRUNCATED = "tthc.rejection.truncated";
    private static final Map<DeadLetterKind, LongAdder> COUNTS = new EnumMap<>(DeadLetterKind.class);

    static {
        for (final DeadLetterKind kind : DeadLetterKind.values()) {
            COUNTS.put(kind, new LongAdder());
        }
    }

    private final String topic;

    private DeadLetters(final String topic) {
        this.topic = topic;
    }

    /** The dead letters of a handler configured with {@code configs} (the Kafka Streams configuration). */
    static DeadLetters configured(final Map<String, ?> configs) {
        final Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new IllegalArgumentException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                + " must name the dead-letter topic (the rejected events topic)");
        }
        return new DeadLetters(topic.toString());
    }

    /** Whether {@code record} is a dead letter (whose own failure must not make another one). */
    boolean isDeadLetter(final ProducerRecord<?, ?> record) {
        return topic.equals(record.topic());
    }

    /** How many records were dead-lettered as {@code kind} in this JVM. */
    public static long count(final DeadLetterKind kind) {
        return COUNTS.get(kind).sum();
    }

    /**
     * The dead letter of the record the task was processing when {@code exception} happened, counted;
     * none (but still counted) when the failure had no source record, e.g. in a punctuation.
     */
    List<ProducerRecord<byte[], byte[]>> of(final ErrorHandlerContext context, final DeadLetterKind kind,
                                            final Exception exception) {
        return of(context, context.sourceRawKey(), context.sourceRawValue(), kind, exception);
    }

    /** As {@link #of(ErrorHandlerContext, DeadLetterKind, Exception)} for a record given as {@code key} and {@code value}. */
    List<ProducerRecord<byte[], byte[]>> of(final ErrorHandlerContext context, final byte[] key, final byte[] value,
                                            final DeadLetterKind kind, final Exception exception) {
        COUNTS.get(kind).increment();
        if (key == null && value == null) {
            return List.of();
        }
        final RecordHeaders headers = new RecordHeaders();
        final int sourceHeaderBytes = sizeOf(context.headers());
        final boolean fits = length(key) + length(value) + sourceHeaderBytes <= MAX_RECORD_BYTES;
        if (fits && context.headers() != null) {
            for (final Header header : context.headers()) {
                headers.add(header);
            }
        } else if (!fits) {
            RejectionHeaders.put(headers, TRUNCATED, "key=" + length(key) + ",value=" + length(value) + ",headers="
                + sourceHeaderBytes);
        }
        RejectionHeaders.put(headers, RejectionHeaders.REASON, reason(kind, exception));
        RejectionHeaders.put(headers, RejectionHeaders.KIND, kind.label());
        RejectionHeaders.put(headers, RejectionHeaders.EXCEPTION, exception.getClass().getName());
        RejectionHeaders.put(headers, RejectionHeaders.PROCESSOR, String.valueOf(context.processorNodeId()));
        RejectionHeaders.put(headers, RejectionHeaders.TASK, String.valueOf(context.taskId()));
        RejectionHeaders.put(headers, RejectionHeaders.SOURCE_TOPIC, String.valueOf(context.topic()));
        RejectionHeaders.put(headers, RejectionHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
        RejectionHeaders.put(headers, RejectionHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
        return List.of(new ProducerRecord<>(topic, null, context.timestamp() < 0 ? null : context.timestamp(),
            fits ? key : cut(key, MAX_RECORD_BYTES / 4), fits ? value : cut(value, MAX_RECORD_BYTES / 2), headers));
    }

    private static int length(final byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] cut(final byte[] bytes, final int max) {
        return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
    }

    private static int sizeOf(final Headers headers) {
        int size = 0;
        if (headers != null) {
            for (final Header header : headers) {
                size += header.key().length() * 3 + length(header.value());
            }
        }
        return size;
    }

    /** The reason a reader sees: the rule's own message for a full history, else the kind and the exception. */
    static String reason(final DeadLetterKind kind, final Exception exception) {
        final String reason = kind == DeadLetterKind.HISTORY_FULL ? exception.getMessage()
            : kind.label() + ": " + exception.getClass().getSimpleName() + ": " + exception.getMessage();
        return reason.codePointCount(0, reason.length()) <= MAX_REASON_LENGTH ? reason
            : reason.substring(0, reason.offsetByCodePoints(0, MAX_REASON_LENGTH)) + "…";
    }
}
