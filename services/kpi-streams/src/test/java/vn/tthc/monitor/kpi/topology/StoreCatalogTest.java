package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.kpi.Targets;

/** The pipeline's stores are the catalog's, under the names their changelogs have had since the first release. */
class StoreCatalogTest {

    @Test
    void thePipelineBuildsExactlyTheCatalogsStoresUnderTheirFirstNames() {
        final StreamsBuilder builder = new StreamsBuilder();
        new KpiPipeline(TopicCatalog.named(TopicCatalog.Names.prefixed("")), new PipelineSettings(Targets.sectionThreeDefaults(),
            Duration.ofSeconds(1), Duration.ofSeconds(10), DueSoonWindow.fixed(Duration.ofHours(24)), Duration.ofSeconds(5), Duration.ofSeconds(60)))
            .addTo(builder);
        final Set<String> stores = new TreeSet<>();
        for (final TopologyDescription.Subtopology subtopology : builder.build().describe().subtopologies()) {
            for (final TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }
        // renaming a store orphans its changelog: these names are the state of every running installation
        assertThat(stores).containsExactlyInAnyOrder("rejected-counts-store", "survey-ids-store", "duplicate-counts-store",
            "accepted-counts-store", "event-ids-store", "case-histories-store", "feedback-histories-store",
            "open-cases-store", "kpi-rows-store", "kpi-alerts-store", "kpi-alert-drivers-store", "subtree-rows-store",
            "subtree-children-store", "subtree-parts-store", "subtree-rows-tree-store", "subtree-spread-tree-store", "subtree-alerts-store",
            "forecast-cases-store", "forecast-alerts-store", "verdicts-store", "subtree-verdicts-store",
            "unverified-id-counts-store", "forecast-spread-tree-store",
            "subtree-forecast-parts-store", "subtree-forecast-alerts-store", "subtree-verdict-open-store");
        assertThat(stores).containsExactlyInAnyOrder(StoreCatalog.REJECTED_COUNTS_STORE, StoreCatalog.SURVEY_IDS_STORE,
            StoreCatalog.DUPLICATE_COUNTS_STORE, StoreCatalog.ACCEPTED_COUNTS_STORE, StoreCatalog.EVENT_IDS_STORE,
            StoreCatalog.CASE_HISTORIES_STORE, StoreCatalog.FEEDBACK_HISTORIES_STORE, StoreCatalog.OPEN_CASES_STORE,
            StoreCatalog.KPI_ROWS_STORE, StoreCatalog.KPI_ALERTS_STORE, StoreCatalog.KPI_ALERT_DRIVERS_STORE,
            StoreCatalog.SUBTREE_ROWS_STORE, StoreCatalog.SUBTREE_CHILDREN_STORE, StoreCatalog.SUBTREE_PARTS_STORE,
            StoreCatalog.SUBTREE_ROWS_TREE_STORE,
            StoreCatalog.SUBTREE_SPREAD_TREE_STORE, StoreCatalog.SUBTREE_ALERTS_STORE, StoreCatalog.FORECAST_CASES_STORE,
            StoreCatalog.FORECAST_ALERTS_STORE, StoreCatalog.VERDICTS_STORE, StoreCatalog.SUBTREE_VERDICTS_STORE,
            StoreCatalog.UNVERIFIED_ID_COUNTS_STORE, StoreCatalog.FORECAST_SPREAD_TREE_STORE,
            StoreCatalog.SUBTREE_FORECAST_PARTS_STORE, StoreCatalog.SUBTREE_FORECAST_ALERTS_STORE,
            StoreCatalog.SUBTREE_VERDICT_OPEN_STORE);
    }
}
