package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.common.serialization.Serdes;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * The topics the KPI pipeline reads and writes. Topic names come from configuration (docs/RUNNING.md,
 * Configuration); the stores are {@link StoreCatalog}'s, and each stage serializes its own values
 * in its stores and repartitions with the serde beside the type (docs/ARCHITECTURE.md, "Stores").
 *
 * @param events   every event of the contract, as the case systems sent it (key: caseId, unitId or feedbackId)
 * @param rejected events that failed validation: original key and bytes, the reason and source offset in headers
 * @param kpiRows  compacted: one record per KPI row (key: {@code ["unit","field","period"]}), {@code null} when it empties
 * @param alerts   compacted: the latest state of each alert (key: {@code ["unit","field","period","kpi"]})
 * @param alertHistory every state change of every alert, same key
 * @param caseWarnings OVERDUE and DUE_SOON warnings of open cases (key: caseId)
 * @param verdicts     every verdict on a (unit, period, scope) and its corrections (key: {@code ["unit","period","scope"]})
 */
public record TopicCatalog(Topic<byte[], byte[]> events, Topic<byte[], byte[]> rejected,
                           Topic<String, KpiRowStatus> kpiRows, Topic<String, KpiAlert> alerts,
                           Topic<String, KpiAlert> alertHistory, Topic<String, CaseWarning> caseWarnings,
                           Topic<String, PeriodVerdict> verdicts) {

    /**
     * The events topic's record limit ({@code max.message.bytes}, set when kpi-streams creates it): 16 KiB below the
     * producer's default {@code max.request.size} (1 MiB), so that the dead letter of any record the topic holds (the
     * record and a few KB of headers) can be written. With the broker's default (1 MiB + 12 B) a record near it made a
     * dead letter the producer refused, which stopped the pipeline under exactly-once.
     */
    public static final int EVENTS_MAX_MESSAGE_BYTES = 1_048_576 - 16_384;

    /** The topics' names, as configured. */
    public record Names(String events, String rejected, String kpiRows, String alerts, String alertHistory,
                        String caseWarnings, String verdicts) {

        /** Names with a common prefix, e.g. {@code it-1-events}: for tests sharing a broker. */
        public static Names prefixed(final String prefix) {
            return new Names(prefix + "events", prefix + "rejected", prefix + "kpi-rows", prefix + "alerts",
                prefix + "alert-history", prefix + "case-warnings", prefix + "kpi-verdicts");
        }
    }

    public static TopicCatalog named(final Names names) {
        return new TopicCatalog(
            new Topic<>(names.events(), Serdes.ByteArray(), Serdes.ByteArray()),
            new Topic<>(names.rejected(), Serdes.ByteArray(), Serdes.ByteArray()),
            new Topic<>(names.kpiRows(), Serdes.String(), JacksonSerde.json(KpiRowStatus.class)),
            new Topic<>(names.alerts(), Serdes.String(), JacksonSerde.json(KpiAlert.class)),
            new Topic<>(names.alertHistory(), Serdes.String(), JacksonSerde.json(KpiAlert.class)),
            new Topic<>(names.caseWarnings(), Serdes.String(), JacksonSerde.json(CaseWarning.class)),
            new Topic<>(names.verdicts(), Serdes.String(), JacksonSerde.json(PeriodVerdict.class)));
    }
}
