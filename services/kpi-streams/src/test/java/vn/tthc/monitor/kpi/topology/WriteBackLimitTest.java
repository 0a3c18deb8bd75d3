package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;

/**
 * An event not keyed by its entity id is written back to the events topic under it: one that would then be above
 * the topic's limit ({@link TopicCatalog#EVENTS_MAX_MESSAGE_BYTES}) is rejected with the reason instead, since the
 * broker would refuse the write and stop the pipeline; one below it is written back and counted as before.
 */
class WriteBackLimitTest {

    /** 128 code points of 4 UTF-8 bytes: the longest caseId, 512 bytes. */
    private static final String LONGEST_CASE_ID = "\uD83D\uDE00".repeat(128);

    @Test
    void anUnkeyedEventThatWouldBeAboveTheTopicsLimitUnderItsCaseIdIsRejectedAndNotWrittenBack() throws Exception {
        final byte[] value = padded(reception(LONGEST_CASE_ID), TopicCatalog.EVENTS_MAX_MESSAGE_BYTES - 200);

        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.send(new TestRecord<>(null, value, Instant.EPOCH));

            assertThat(pipeline.rejectedRecords()).singleElement().satisfies(rejected -> {
                assertThat(rejected.value()).isEqualTo(value);
                assertThat(RejectionHeaders.read(rejected.headers(), RejectionHeaders.REASON))
                    .startsWith("too large to be written back under its id '\uD83D\uDE00")
                    .endsWith("above the events topic's limit of " + TopicCatalog.EVENTS_MAX_MESSAGE_BYTES + " bytes");
            });
            assertThat(pipeline.rejectedCount()).isEqualTo(1);
            assertThat(pipeline.rows()).isEmpty();
        }
    }

    @Test
    void anUnkeyedEventBelowTheLimitUnderItsCaseIdIsWrittenBackAndCounted() throws Exception {
        final byte[] value = padded(reception(LONGEST_CASE_ID), TopicCatalog.EVENTS_MAX_MESSAGE_BYTES - 1_000);

        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.send(new TestRecord<>(null, value, Instant.EPOCH));

            assertThat(pipeline.rejectedRecords()).isEmpty();
            assertThat(pipeline.acceptedCount()).isEqualTo(1);
        }
    }

    private static ObjectNode reception(final String caseId) {
        return ContractJson.mapper().valueToTree(new CaseReceived("r1", vn("2026-03-02T08:00"), null, caseId, "UNIT-A",
            "HO_TICH", "1.1", Channel.ONLINE, true, vn("2026-03-10T17:00")));
    }

    /** The event with an unknown field that makes it {@code bytes} long. */
    private static byte[] padded(final ObjectNode event, final int bytes) {
        event.put("note", "");
        final int without = event.toString().getBytes(StandardCharsets.UTF_8).length;
        event.put("note", "x".repeat(bytes - without));
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
