package vn.tthc.monitor.kpi.topology.alerts;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.kpi.topology.RowOutput;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * Alerts on KPI rows: takes every row change (in the task that sums the row, so no repartition),
 * keeps each alert's lifecycle in {@link StoreCatalog#KPI_ALERTS_STORE} and the cases that drove it
 * in {@link StoreCatalog#KPI_ALERT_DRIVERS_STORE} (see {@link KpiAlertTracker}), and writes each alert
 * record to {@code alerts} (compacted, latest state) and {@code alertHistory} (every change); a task that
 * starts writes its open alerts again to {@code alerts} only, as they are no change.
 */
public final class KpiAlertTopology {

    private final TopicCatalog topics;
    private final Targets targets;
    private final Duration updateInterval;
    private final AlertScope scope;

    /** Alerts on own rows; {@code updateInterval}: how often the changes of alerts still in breach are written. */
    public KpiAlertTopology(final TopicCatalog topics, final Targets targets, final Duration updateInterval) {
        this(topics, targets, updateInterval, AlertScope.OWN);
    }

    private KpiAlertTopology(final TopicCatalog topics, final Targets targets, final Duration updateInterval,
                             final AlertScope scope) {
        this.topics = topics;
        this.targets = targets;
        this.updateInterval = updateInterval;
        this.scope = scope;
    }

    /**
     * Alerts on subtree rows (scope {@code subtree}, key with {@code "subtree"} appended), in the task that sums
     * them: open alerts in {@link StoreCatalog#SUBTREE_ALERTS_STORE}; each names the children that drive it from
     * {@link StoreCatalog#SUBTREE_CHILDREN_STORE}, and no cases.
     */
    public static KpiAlertTopology forSubtreeRows(final TopicCatalog topics, final Targets targets,
                                                  final Duration updateInterval) {
        return new KpiAlertTopology(topics, targets, updateInterval, AlertScope.SUBTREE);
    }

    public void addTo(final StreamsBuilder builder, final KStream<String, RowOutput.Changes> rowChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(scope.alertsStore()), Serdes.String(), JacksonSerde.json(KpiAlert.class)));
        if (scope.driversStore() != null) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(scope.driversStore()), Serdes.String(), new DrivingIdsSerde())
                .withCachingEnabled());
        }
        final KStream<String, KpiAlert> alerts = rowChanges
            .process(() -> new KpiAlertTracker(targets, updateInterval, scope), Named.as(scope.trackName()),
                scope.stores());
        alerts.to(topics.alerts().name(), topics.alerts().produced(scope.writeAlertsName()));
        alerts.to(topics.alertHistory().name(), topics.alertHistory().produced(scope.writeHistoryName()));
    }
}
