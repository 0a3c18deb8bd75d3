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

    /** The sink of {@code alerts}: the tracker writes to it alone when it rewrites the open alerts. */
    static final String WRITE_ALERTS = "write-alerts";

    private final TopicCatalog topics;
    private final Targets targets;
    private final Duration updateInterval;

    /** {@code updateInterval}: how often the changes of alerts still in breach are written. */
    public KpiAlertTopology(final TopicCatalog topics, final Targets targets, final Duration updateInterval) {
        this.topics = topics;
        this.targets = targets;
        this.updateInterval = updateInterval;
    }

    public void addTo(final StreamsBuilder builder, final KStream<String, RowOutput.Change> rowChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.KPI_ALERTS_STORE), Serdes.String(), JacksonSerde.json(KpiAlert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.KPI_ALERT_DRIVERS_STORE), Serdes.String(), new DrivingIdsSerde())
            .withCachingEnabled());
        final KStream<String, KpiAlert> alerts = rowChanges
            .process(() -> new KpiAlertTracker(targets, updateInterval), Named.as("track-alerts"),
                StoreCatalog.KPI_ALERTS_STORE, StoreCatalog.KPI_ALERT_DRIVERS_STORE, StoreCatalog.KPI_ROWS_STORE);
        alerts.to(topics.alerts().name(), topics.alerts().produced(WRITE_ALERTS));
        alerts.to(topics.alertHistory().name(), topics.alertHistory().produced("write-alert-history"));
    }
}
