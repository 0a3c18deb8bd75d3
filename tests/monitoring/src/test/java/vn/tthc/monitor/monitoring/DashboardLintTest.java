package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboards of grafana/dashboards as Grafana would load them from the provisioning of grafana/provisioning. */
class DashboardLintTest {

    private static final String DATASOURCE_UID = "tthc-prometheus";
    private static final Pattern LEGEND_TEMPLATE_ONLY = Pattern.compile("\\{\\{\\s*\\w+\\s*}}");
    /** Series of values between 0 and 1: the KPIs, their targets and forecasts, and the margins between them. */
    private static final Pattern RATIO_SERIES = Pattern.compile("tthc_kpi_ratio|tthc_kpi_target|tthc_kpi_forecast_ratio|tthc:kpi_margin"
        + "|tthc:unit_worst_margin|tthc:kpi_target_by_period");
    /** Counts of cases, outcomes and units. */
    private static final Pattern COUNT_SERIES = Pattern.compile("tthc_kpi_allowance|tthc_kpi_to_recover|tthc_kpi_volume|tthc_cases"
        + "|\\bcount\\(|\\bcount by");
    private static final Set<String> PANEL_TYPES = Set.of("stat", "timeseries", "table", "bargauge", "gauge", "text");

    @Test
    void theProvisionedDatasourceHasTheUidThePanelsUse() {
        final JsonNode datasources = RepositoryFiles.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertThat(datasources).hasSize(1);
        assertThat(datasources.get(0).path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
    }

    @Test
    void theDashboardProviderLoadsTheDashboardsDirectory() {
        final JsonNode providers = RepositoryFiles.yaml("grafana/provisioning/dashboards/tthc.yml").path("providers");
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).path("type").asText()).isEqualTo("file");
        assertThat(providers.get(0).path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void everyDashboardParsesWithAUniqueUidAndAVietnameseTitle() {
        final List<Path> files = DashboardQueries.files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        final Set<String> uids = new HashSet<>();
        final List<String> titles = new ArrayList<>();
        for (final Path file : files) {
            final JsonNode dashboard = RepositoryFiles.json(file);
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in " + file).isTrue();
            assertThat(dashboard.path("uid").asText()).as(file + " uid").matches("[a-z0-9-]{1,40}");
            assertThat(dashboard.path("schemaVersion").asInt()).as(file + " schemaVersion").isBetween(36, 41);
            assertThat(dashboard.path("timezone").asText()).as(file + " time zone").isEqualTo("Asia/Ho_Chi_Minh");
            assertVietnamese(file + " title", dashboard.path("title").asText());
            titles.add(dashboard.path("title").asText());
        }
        assertThat(uids).contains("tthc-overview", "tthc-unit", "tthc-alerts", "tthc-pipeline");
        assertThat(titles).contains("Tổng quan chất lượng giải quyết TTHC", "Đơn vị", "Cảnh báo", "Sức khỏe hệ thống xử lý");
    }

    @Test
    void everyPanelAndTargetQueriesTheProvisionedDatasource() {
        for (final Path file : DashboardQueries.files()) {
            final JsonNode dashboard = RepositoryFiles.json(file);
            final Set<Integer> ids = new HashSet<>();
            for (final JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as(file + ": unique panel id " + panel.path("id")).isTrue();
                assertThat(panel.has("gridPos")).as(file + ": " + panel.path("title") + " has a position").isTrue();
            }
            for (final JsonNode panel : DashboardQueries.panels(dashboard)) {
                final String where = file.getFileName() + ": " + panel.path("title").asText();
                assertThat(PANEL_TYPES).as(where + " type").contains(panel.path("type").asText());
                assertVietnamese(where, panel.path("title").asText());
                assertThat(panel.path("datasource").path("uid").asText()).as(where + " datasource").isEqualTo(DATASOURCE_UID);
                assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
                for (final JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).as(where + " target datasource")
                        .isEqualTo(DATASOURCE_UID);
                    assertThat(target.path("expr").asText()).as(where + " expr").isNotBlank();
                    final String legend = target.path("legendFormat").asText("__auto");
                    if (!legend.equals("__auto") && !LEGEND_TEMPLATE_ONLY.matcher(legend).matches()) {
                        assertVietnamese(where + " legend", legend);
                    }
                }
            }
        }
    }

    @Test
    void everyVariableIsOneTheIntegrationTestChecks() {
        final List<String> checked = new ArrayList<>();
        DashboardQueries.labelValuesQueries().forEach(query ->
            checked.add("label_values(" + query.match() + ", " + query.label() + ")"));
        final Set<String> custom = new HashSet<>();
        DashboardQueries.customVariables().forEach(variable -> custom.add(variable.dashboard() + "/" + variable.name()));
        for (final Path file : DashboardQueries.files()) {
            for (final JsonNode variable : RepositoryFiles.json(file).path("templating").path("list")) {
                final String where = file.getFileName() + " variable " + variable.path("name").asText();
                switch (variable.path("type").asText()) {
                    case "query" -> {
                        assertThat(checked).as(where).contains(DashboardQueries.variableQuery(variable));
                        assertThat(variable.path("datasource").path("uid").asText()).as(where).isEqualTo(DATASOURCE_UID);
                    }
                    case "custom" -> {
                        assertThat(custom).as(where).contains(file.getFileName() + "/" + variable.path("name").asText());
                        assertThat(variable.path("options")).as(where + " options").isNotEmpty();
                    }
                    default -> throw new AssertionError(where + ": type " + variable.path("type").asText()
                        + " is not checked by PrometheusQueriesIT");
                }
                assertVietnamese(where + " label", variable.path("label").asText());
            }
        }
        assertThat(checked).contains("label_values(tthc_kpi_ratio, unit)");
    }

    @Test
    void everyPanelQueryOnlyUsesTheVariablesItsDashboardDefines() {
        for (final Path file : DashboardQueries.files()) {
            final JsonNode dashboard = RepositoryFiles.json(file);
            final Map<String, String> defined = new HashMap<>();
            dashboard.path("templating").path("list").forEach(variable -> defined.put(variable.path("name").asText(), "x"));
            for (final DashboardQueries.PanelQuery query : DashboardQueries.panelQueries()) {
                if (query.dashboard().equals(file.getFileName().toString())) {
                    assertThat(DashboardQueries.substitute(query.expr(), defined)).as(query.toString()).doesNotContain("$");
                }
            }
        }
    }

    /**
     * A panel whose every query reads KPI ratios shows them as percentages (Grafana's {@code percentunit}: 0.975 is
     * 97.5%) with thresholds between -1 and 1; one whose every query reads counts (allowance, volume, cases) shows
     * them as plain numbers, not percentages. Tables that mix both set their units per column and are left out.
     */
    @Test
    void kpiPanelsShowRatiosAsPercentagesAndCountsAsNumbersWithThresholdsOnTheirScale() {
        int ratioPanels = 0;
        int countPanels = 0;
        for (final Path file : DashboardQueries.files()) {
            for (final JsonNode panel : DashboardQueries.panels(RepositoryFiles.json(file))) {
                final String where = file.getFileName() + ": " + panel.path("title").asText();
                final List<String> exprs = new ArrayList<>();
                panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText()));
                final JsonNode defaults = panel.path("fieldConfig").path("defaults");
                if (panel.path("type").asText().equals("table") || exprs.isEmpty()) {
                    continue;
                }
                if (exprs.stream().allMatch(expr -> RATIO_SERIES.matcher(expr).find() && !COUNT_SERIES.matcher(expr).find())) {
                    ratioPanels++;
                    assertThat(defaults.path("unit").asText()).as(where + " unit").isEqualTo("percentunit");
                    defaults.path("thresholds").path("steps").forEach(step -> {
                        if (!step.path("value").isNull() && !step.path("value").isMissingNode()) {
                            assertThat(step.path("value").asDouble()).as(where + " threshold").isBetween(-1.0, 1.0);
                        }
                    });
                } else if (exprs.stream().allMatch(expr -> COUNT_SERIES.matcher(expr).find() && !RATIO_SERIES.matcher(expr).find())) {
                    countPanels++;
                    assertThat(defaults.path("unit").asText("none")).as(where + " unit").isNotEqualTo("percentunit")
                        .isNotEqualTo("percent");
                    defaults.path("thresholds").path("steps").forEach(step -> {
                        if (!step.path("value").isNull() && !step.path("value").isMissingNode()) {
                            final double value = step.path("value").asDouble();
                            assertThat(value).as(where + " threshold is a whole count").isEqualTo(Math.rint(value))
                                .isGreaterThanOrEqualTo(0);
                        }
                    });
                }
            }
        }
        assertThat(ratioPanels).as("panels of KPI ratios").isGreaterThanOrEqualTo(6);
        assertThat(countPanels).as("panels of counts").isGreaterThanOrEqualTo(3);
    }

    private static void assertVietnamese(final String where, final String text) {
        assertThat(text.chars().anyMatch(c -> c > 127)).as(where + " is Vietnamese with diacritics: " + text).isTrue();
    }
}
