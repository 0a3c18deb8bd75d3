package vn.tthc.monitor.kpi.topology.opencases;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.kpi.topology.HistoryChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.TopicCatalog;

/**
 * The due-time watch of open cases, in the task that keeps the cases' histories (key caseId, no
 * repartition): keeps open cases and their alarms in {@link StoreCatalog#OPEN_CASES_STORE}, and writes
 * OVERDUE and DUE_SOON warnings to {@code caseWarnings}
 * from the wall clock (see {@link OpenCaseWatch}).
 */
public final class OpenCaseTopology {

    private final TopicCatalog topics;
    private final DueSoonWindow window;
    private final Duration interval;
    private final Duration grace;

    public OpenCaseTopology(final TopicCatalog topics, final DueSoonWindow window, final Duration interval,
                            final Duration grace) {
        this.topics = topics;
        this.window = window;
        this.interval = interval;
        this.grace = grace;
    }

    public void addTo(final StreamsBuilder builder, final KStream<String, HistoryChange<CaseAssessment>> caseChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreCatalog.OPEN_CASES_STORE), Serdes.String(), new OpenCaseSerde()).withCachingEnabled());
        caseChanges
            .process(() -> new OpenCaseWatch(window, interval, grace), Named.as("watch-open-cases"),
                StoreCatalog.OPEN_CASES_STORE)
            .to(topics.caseWarnings().name(), topics.caseWarnings().produced("write-case-warnings"));
    }
}
