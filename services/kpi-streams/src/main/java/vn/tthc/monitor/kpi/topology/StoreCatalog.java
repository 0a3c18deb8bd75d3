package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The pipeline's state stores, each name declared once: the stages build their stores under these
 * names and the query service reads them. Every store is a persistent key-value store (RocksDB) with
 * Kafka Streams' default changelog ({@code <application.id>-<name>-changelog}, compacted, no
 * retention), so a name is also where its state lives on the brokers: renaming one loses that state.
 * The value types and their serdes are the stages' (docs/ARCHITECTURE.md, "Stores").
 */
public final class StoreCatalog {

    /** intake: records rejected, per source system (Long). */
    public static final String REJECTED_COUNTS_STORE = "rejected-counts-store";
    /** intake: surveys' eventIds seen in this partition, when first seen (Long, epoch millis). */
    public static final String SURVEY_IDS_STORE = "survey-ids-store";
    /** intake, history, duplicates: valid deliveries dropped as a repeated id, per source system (Long). */
    public static final String DUPLICATE_COUNTS_STORE = "duplicate-counts-store";
    /** intake, history, duplicates: valid deliveries counted in the KPIs, per source system (Long). */
    public static final String ACCEPTED_COUNTS_STORE = "accepted-counts-store";
    /** duplicates: every counted eventId, whatever its key, when first seen (Long, epoch millis), for tthc.duplicates.event-id-retention. */
    public static final String EVENT_IDS_STORE = "event-ids-store";
    /** duplicates: valid deliveries counted whose id was not found but may repeat one forgotten after the retention, per source system (Long). */
    public static final String UNVERIFIED_ID_COUNTS_STORE = "unverified-id-counts-store";
    /** history: each case's events, by caseId. */
    public static final String CASE_HISTORIES_STORE = "case-histories-store";
    /** history: each feedback's events, by feedbackId. */
    public static final String FEEDBACK_HISTORIES_STORE = "feedback-histories-store";
    /** opencases: the open cases and their next alarm, by caseId. */
    public static final String OPEN_CASES_STORE = "open-cases-store";
    /** rows: the counters of each KPI row, by row key ({@link KpiRowKeyFormat}). */
    public static final String KPI_ROWS_STORE = "kpi-rows-store";
    /** alerts: the open alerts (JSON, as on the alerts topic), by alert key. */
    public static final String KPI_ALERTS_STORE = "kpi-alerts-store";
    /** alerts: the cases counted against each KPI of each row, by alert key. */
    public static final String KPI_ALERT_DRIVERS_STORE = "kpi-alert-drivers-store";
    /** forecast: each unit's open cases (ForecastCase JSON, with their reception time, which the verdicts count them open under), by {@code ["unit","field","caseId"]}, in the rows' task. */
    public static final String FORECAST_CASES_STORE = "forecast-cases-store";
    /** forecast: the open AT_RISK alerts (JSON, as on the alerts topic), by alert key. */
    public static final String FORECAST_ALERTS_STORE = "forecast-alerts-store";
    /**
     * forecast, in the own rows' task: the organisation fingerprint every change of the task's open cases was spread
     * over to the subtrees' forecast (String; empty while changes wait). Replaces {@code forecast-spread-store}.
     */
    public static final String FORECAST_SPREAD_TREE_STORE = "forecast-spread-tree-store";
    /**
     * forecast, in the subtree rows' task: each unit's projections of its open cases for the top's rows (ForecastParts,
     * binary), by {@code ["top","unit"]}. Replaces {@code subtree-forecast-inputs-store}.
     */
    public static final String SUBTREE_FORECAST_PARTS_STORE = "subtree-forecast-parts-store";
    /** forecast, in the subtree rows' task: the open AT_RISK alerts of subtree rows (JSON, as on the alerts topic), by alert key. */
    public static final String SUBTREE_FORECAST_ALERTS_STORE = "subtree-forecast-alerts-store";

    /** subtree: the counters of each subtree row (EVENTS.md section 6), by row key of its top unit. */
    public static final String SUBTREE_ROWS_STORE = "subtree-rows-store";
    /** subtree: each child's part of each subtree row, by {@code ["top","field","period","child"]}. */
    public static final String SUBTREE_CHILDREN_STORE = "subtree-children-store";
    /** subtree: each unit's part of each subtree row as it was last spread, by {@code ["top","unit","field","period"]}. */
    public static final String SUBTREE_PARTS_STORE = "subtree-parts-store";
    /** subtree: the organisation fingerprint the subtree rows of this task were built over (String). */
    public static final String SUBTREE_ROWS_TREE_STORE = "subtree-rows-tree-store";
    /** subtree, in the task of the own rows: the organisation fingerprint its own rows were last spread over (String). */
    public static final String SUBTREE_SPREAD_TREE_STORE = "subtree-spread-tree-store";
    /** alerts: the open alerts of subtree rows (JSON, as on the alerts topic), by alert key. */
    public static final String SUBTREE_ALERTS_STORE = "subtree-alerts-store";

    /** verdicts, in the own rows' task: finality, corrections and last revision of each (unit, period) (VerdictState JSON), by {@code ["unit","period"]}. */
    public static final String VERDICTS_STORE = "verdicts-store";
    /** verdicts, in the subtree rows' task: the same for the subtree rows, by {@code ["unit","period"]}. */
    public static final String SUBTREE_VERDICTS_STORE = "subtree-verdicts-store";
    /** verdicts, in the subtree rows' task: the latest open count each unit reported for an ended period before its cut-off (OpenCount JSON), by {@code ["top","period","unit"]}. */
    public static final String SUBTREE_VERDICT_OPEN_STORE = "subtree-verdict-open-store";

    private StoreCatalog() {
    }

    /** A store of longs by string key: counts per source, or when an event id was first seen. */
    public static StoreBuilder<KeyValueStore<String, Long>> countsStore(final String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
    }

    /** A store of text by text: what a task's state was built with. */
    public static StoreBuilder<KeyValueStore<String, String>> textStore(final String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
    }
}
