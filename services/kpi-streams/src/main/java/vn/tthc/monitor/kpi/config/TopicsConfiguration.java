package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import vn.tthc.monitor.kpi.topology.TopicCatalog;

/**
 * The topics the pipeline reads and writes ({@code tthc.topics.*}), and how they are created when
 * missing. Internal topics (repartitions, changelogs) take the partition count of {@code events}.
 *
 * @param events            every event of the contract, as sent by the case systems
 * @param rejected          the dead-letter topic of invalid events
 * @param kpiRows           the compacted topic of KPI rows
 * @param alerts            the compacted topic of alerts, latest state per KPI row and KPI
 * @param alertHistory      every state change of every alert
 * @param caseWarnings      OVERDUE and DUE_SOON warnings of open cases
 * @param verdicts          every verdict (kết luận) on a unit's period and its corrections (kept as long as events)
 * @param partitions        partitions of the topics created here
 * @param replicationFactor replication factor of the topics created here
 * @param eventsRetention   how long events are kept (they can be replayed while kept)
 * @param rejectedRetention how long rejected events are kept for inspection
 */
@ConfigurationProperties("tthc.topics")
public record TopicsConfiguration(
    @Bindable(defaultValue = "tthc-events") String events,
    @Bindable(defaultValue = "tthc-events-rejected") String rejected,
    @Bindable(defaultValue = "tthc-kpi-rows") String kpiRows,
    @Bindable(defaultValue = "tthc-kpi-alerts") String alerts,
    @Bindable(defaultValue = "tthc-kpi-alert-history") String alertHistory,
    @Bindable(defaultValue = "tthc-case-warnings") String caseWarnings,
    @Bindable(defaultValue = "tthc-kpi-verdicts") String verdicts,
    @Bindable(defaultValue = "4") int partitions,
    @Bindable(defaultValue = "1") short replicationFactor,
    @Bindable(defaultValue = "3650d") Duration eventsRetention,
    @Bindable(defaultValue = "90d") Duration rejectedRetention) {

    public TopicCatalog.Names names() {
        return new TopicCatalog.Names(events, rejected, kpiRows, alerts, alertHistory, caseWarnings, verdicts);
    }
}
