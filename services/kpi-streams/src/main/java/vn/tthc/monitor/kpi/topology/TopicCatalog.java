package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.report.KpiRowStatus;

/**
 * The topics the KPI pipeline reads and writes, and the serdes of its internal topics and stores.
 * Topic names come from configuration; see docs/OPERATIONS.md.
 *
 * @param events   every event of the contract, as the case systems sent it (key: caseId, unitId or feedbackId)
 * @param rejected events that failed validation: original key and bytes, the reason and source offset in headers
 * @param kpiRows  compacted: one record per KPI row (key: {@code ["unit","field","period"]}), {@code null} when it empties
 */
public record TopicCatalog(Topic<byte[], byte[]> events, Topic<byte[], byte[]> rejected,
                           Topic<String, KpiRowStatus> kpiRows) {

    public static final Serde<Event> EVENT = new BinarySerde<>(BinaryFormat::writeEvent, BinaryFormat::readEvent);
    public static final Serde<CaseHistory> CASE_HISTORY =
        new BinarySerde<>(BinaryFormat::writeCaseHistory, BinaryFormat::readCaseHistory);
    public static final Serde<FeedbackHistory> FEEDBACK_HISTORY =
        new BinarySerde<>(BinaryFormat::writeFeedbackHistory, BinaryFormat::readFeedbackHistory);
    public static final Serde<KpiContribution> KPI_CHANGE =
        new BinarySerde<>(BinaryFormat::writeContribution, BinaryFormat::readContribution);
    public static final Serde<KpiCounters> KPI_COUNTERS =
        new BinarySerde<>(BinaryFormat::writeCounters, BinaryFormat::readCounters);

    public static TopicCatalog named(final String events, final String rejected, final String kpiRows) {
        return new TopicCatalog(
            new Topic<>(events, Serdes.ByteArray(), Serdes.ByteArray()),
            new Topic<>(rejected, Serdes.ByteArray(), Serdes.ByteArray()),
            new Topic<>(kpiRows, Serdes.String(), JacksonSerde.json(KpiRowStatus.class)));
    }
}
