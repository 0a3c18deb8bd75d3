package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.kpi.topology.duplicates.CrossKeyDuplicateTopology;
import vn.tthc.monitor.kpi.topology.rows.UnitKpiTopology;

/**
 * docs/ARCHITECTURE.md, "Every value is bounded by design": the headers an event came with do not
 * ride on the records the pipeline makes from it, whose size they could take past the broker's limit.
 */
class EventHeadersTest {

    @Test
    void theRecordsMadeFromAValidEventCarryNoneOfItsHeaders() throws Exception {
        final CaseReceived event = new CaseReceived("r1", vn("2026-03-02T08:00"), null, "C1", "UNIT-A", "HO_TICH", "1.1",
            Channel.ONLINE, true, vn("2026-03-10T17:00"));
        final RecordHeaders headers = new RecordHeaders();
        headers.add("bulky", new byte[100_000]);

        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.send(new TestRecord<>("C1".getBytes(StandardCharsets.UTF_8),
                ContractJson.mapper().writeValueAsBytes(event), headers, Instant.EPOCH));

            assertThat(pipeline.records("pipeline-test-" + UnitKpiTopology.KPI_CHANGES + "-repartition"))
                .as("the KPI change of the case").isNotEmpty()
                .allSatisfy(record -> assertThat(record.headers().toArray()).isEmpty());
            assertThat(pipeline.records("pipeline-test-" + CrossKeyDuplicateTopology.EVENTS_BY_ID + "-repartition"))
                .isNotEmpty()
                .allSatisfy(record -> assertThat(record.headers().toArray()).isEmpty());
            assertThat(pipeline.acceptedCount()).isEqualTo(1);
        }
    }
}
