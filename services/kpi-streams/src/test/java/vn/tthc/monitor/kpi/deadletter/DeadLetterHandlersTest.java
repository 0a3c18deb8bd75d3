package vn.tthc.monitor.kpi.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.HistoryFullException;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;

/**
 * The exception handlers on their own, with the context Kafka Streams gives them: every failure
 * resumes (a retriable send is retried) and dead-letters the record the task read, with the reason.
 */
class DeadLetterHandlersTest {

    private static final Map<String, Object> CONFIG = DeadLetterHandlers.streamsConfig("dead-letters");
    private static final byte[] KEY = "C1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{\"type\":\"case.received\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aProcessorsExceptionDeadLettersTheSourceRecordWithItsReasonAndResumes() {
        final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        final long before = DeadLetters.count(DeadLetterKind.PROCESSING_ERROR);

        final ProcessingExceptionHandler.Response response = handler.handleError(context(KEY, VALUE),
            new Record<>("C1", "parsed", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("dead-letters");
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(record.value()).isEqualTo(VALUE);
            assertThat(header(record, RejectionHeaders.REASON)).isEqualTo("processing_error: IllegalStateException: boom");
            assertThat(header(record, RejectionHeaders.KIND)).isEqualTo("processing_error");
            assertThat(header(record, RejectionHeaders.EXCEPTION)).isEqualTo("java.lang.IllegalStateException");
            assertThat(header(record, RejectionHeaders.PROCESSOR)).isEqualTo("track-case");
            assertThat(header(record, RejectionHeaders.TASK)).isEqualTo("0_3");
            assertThat(header(record, RejectionHeaders.SOURCE_TOPIC)).isEqualTo("tthc-events");
            assertThat(header(record, RejectionHeaders.SOURCE_PARTITION)).isEqualTo("3");
            assertThat(header(record, RejectionHeaders.SOURCE_OFFSET)).isEqualTo("42");
            assertThat(header(record, "trace")).as("the source record's own headers are kept").isEqualTo("t-1");
        });
        assertThat(DeadLetters.count(DeadLetterKind.PROCESSING_ERROR) - before).isEqualTo(1);
    }

    @Test
    void aFullHistoryIsDeadLetteredWithTheRulesOwnMessage() {
        final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);

        final ProcessingExceptionHandler.Response response = handler.handleError(context(KEY, VALUE),
            new Record<>("C1", "parsed", 0L), new HistoryFullException("case", "C1", 64, "e65"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(header(record, RejectionHeaders.KIND)).isEqualTo("history_full");
            assertThat(header(record, RejectionHeaders.REASON))
                .isEqualTo("case C1 holds 64 distinct events, the most a history may hold: event e65 is not counted");
        });
    }

    @Test
    void aFailureWithoutASourceRecordIsCountedAndResumesWithNothingToDeadLetter() {
        final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        final long before = DeadLetters.count(DeadLetterKind.PROCESSING_ERROR);

        final ProcessingExceptionHandler.Response response = handler.handleError(context(null, null),
            new Record<>("C1", "parsed", 0L), new IllegalStateException("in a punctuation"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(DeadLetters.count(DeadLetterKind.PROCESSING_ERROR) - before).isEqualTo(1);
    }

    @Test
    void aResultTheProducerRefusesDeadLettersItsSourceAndResumesButARetriableOneIsRetried() {
        final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(CONFIG);
        final ProducerRecord<byte[], byte[]> result = new ProducerRecord<>("kpi-changes", new byte[10], new byte[2_000_000]);

        final ProductionExceptionHandler.Response refused = handler.handleError(context(KEY, VALUE), result,
            new RecordTooLargeException("too large"));
        final ProductionExceptionHandler.Response timedOut = handler.handleError(context(KEY, VALUE), result,
            new TimeoutException("slow broker"));

        assertThat(refused.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(refused.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.value()).as("the source record, not the result").isEqualTo(VALUE);
            assertThat(header(record, RejectionHeaders.KIND)).isEqualTo("production_error");
        });
        assertThat(timedOut.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
    }

    @Test
    void aResultThatCannotBeSerializedDeadLettersItsSourceAndResumes() {
        final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(CONFIG);

        final ProductionExceptionHandler.Response response = handler.handleSerializationError(context(KEY, VALUE),
            new ProducerRecord<>("kpi-changes", "key", "value"), new SerializationException("too large a value"),
            ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record ->
            assertThat(header(record, RejectionHeaders.KIND)).isEqualTo("serialization_error"));
    }

    @Test
    void aRecordThatCannotBeReadIsDeadLetteredAsItWasRead() {
        final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(CONFIG);
        final byte[] damaged = {9, 9, 9};

        final var response = handler.handleError(context(KEY, damaged),
            new ConsumerRecord<>("kpi-changes-by-unit", 1, 7L, KEY, damaged), new SerializationException("unknown version"));

        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(damaged);
            assertThat(header(record, RejectionHeaders.KIND)).isEqualTo("deserialization_error");
        });
    }

    @Test
    void aDeadLetterThatCannotBeWrittenIsNotDeadLetteredAgain() {
        final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(CONFIG);
        final ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>("dead-letters", KEY, new byte[2_000_000]);

        final ProductionExceptionHandler.Response response = handler.handleError(context(KEY, VALUE), deadLetter,
            new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).as("another dead letter would fail again, for ever").isEmpty();
    }

    @Test
    void aSourceRecordTooLargeForADeadLetterIsCutAndSaysSo() {
        final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        final byte[] huge = new byte[1_000_000];

        final ProcessingExceptionHandler.Response response = handler.handleError(context(KEY, huge),
            new Record<>("C1", "parsed", 0L), new IllegalStateException("boom"));

        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(record.value()).hasSize(DeadLetters.MAX_RECORD_BYTES / 2);
            assertThat(header(record, DeadLetters.TRUNCATED)).isEqualTo("key=2,value=1000000,headers=18");
            assertThat(header(record, "trace")).as("the source's own headers are left out").isNull();
            assertThat(header(record, RejectionHeaders.SOURCE_OFFSET)).isEqualTo("42");
        });
    }

    @Test
    void aHandlerWithoutADeadLetterTopicFailsAtStart() {
        assertThatThrownBy(() -> new DeadLetterProcessingHandler().configure(Map.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    }

    @Test
    void applicationYmlConfiguresTheSameHandlersWithTheRejectedTopic() {
        try (ApplicationContext context = ApplicationContext.builder()
                 .properties(Map.of("tthc.topics.rejected", "it-rejected")).build()) {
            final Environment environment = context.getEnvironment().start();
            DeadLetterHandlers.streamsConfig("it-rejected").forEach((name, value) ->
                assertThat(environment.getProperty("kafka.streams.default." + name, String.class)).as(name).contains(value.toString()));
        }
    }

    private static String header(final ProducerRecord<byte[], byte[]> record, final String name) {
        return RejectionHeaders.read(record.headers(), name);
    }

    private static ErrorHandlerContext context(final byte[] rawKey, final byte[] rawValue) {
        final Headers headers = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "tthc-events";
            }

            @Override
            public int partition() {
                return 3;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return headers;
            }

            @Override
            public String processorNodeId() {
                return "track-case";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 3);
            }

            @Override
            public long timestamp() {
                return 1_700_000_000_000L;
            }

            @Override
            public byte[] sourceRawKey() {
                return rawKey;
            }

            @Override
            public byte[] sourceRawValue() {
                return rawValue;
            }
        };
    }
}
