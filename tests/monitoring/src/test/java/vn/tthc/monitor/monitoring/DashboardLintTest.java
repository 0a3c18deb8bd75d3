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
    private static final Pattern MARGIN_SERIES = Pattern.compile("tthc:kpi_margin|tthc:unit_worst_margin");
    /** A unit's KPI series, which carry the label scope. */
    private static final Pattern UNIT_KPI_SERIES = Pattern.compile("tthc_kpi_|tthc:kpi_");
    /** tthc:kpi_state's values, with the text and colour every panel of a state gives them. */
    private static final Map<String, String[]> STATES = Map.of("0", new String[] {"Đạt", "green"},
        "1", new String[] {"Dưới cỡ mẫu tối thiểu", "blue"}, "2", new String[] {"Có nguy cơ không đạt", "orange"},
        "3", new String[] {"Không đạt", "red"});
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
        DashboardQueries.queryResultQueries().forEach(query -> checked.add("query_result(" + query.expr() + ")"));
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
        assertThat(checked).contains("query_result(max by (unit, name) (tthc_unit_info))");
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

    /**
     * Colours say the state the system decides (breach, at risk, below minVolume, met: the recording rule
     * tthc:kpi_state), never the sign of a margin: a KPI below its target under minVolume is no breach. Every panel of a
     * state maps its four values to their Vietnamese names and colours; no panel or table column of margins colours
     * by thresholds.
     */
    @Test
    void kpiPanelsColourByStateNeverByTheSignOfAMargin() {
        int statePanels = 0;
        for (final Path file : DashboardQueries.files()) {
            for (final JsonNode panel : DashboardQueries.panels(RepositoryFiles.json(file))) {
                final String where = file.getFileName() + ": " + panel.path("title").asText();
                final List<String> exprs = new ArrayList<>();
                panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText()));
                final JsonNode defaults = panel.path("fieldConfig").path("defaults");
                if (!panel.path("type").asText().equals("table") && exprs.stream().anyMatch(MARGIN_SERIES.asPredicate())) {
                    assertThat(defaults.path("color").path("mode").asText()).as(where + ": a margin is not coloured by its sign")
                        .isNotEqualTo("thresholds");
                }
                for (final JsonNode override : panel.path("fieldConfig").path("overrides")) {
                    if (override.path("matcher").path("options").asText().equals("Chênh lệch")) {
                        override.path("properties").forEach(property -> assertThat(property.path("id").asText())
                            .as(where + ": the margin column is not coloured by its sign").isNotIn("thresholds", "color"));
                    }
                }
                if (exprs.stream().anyMatch(expr -> expr.contains("tthc:kpi_state"))) {
                    statePanels++;
                    final List<JsonNode> mappings = new ArrayList<>();
                    defaults.path("mappings").forEach(mappings::add);
                    panel.path("fieldConfig").path("overrides").forEach(override -> override.path("properties").forEach(property -> {
                        if (property.path("id").asText().equals("mappings")) {
                            property.path("value").forEach(mappings::add);
                        }
                    }));
                    assertThat(mappings).as(where + " maps the states").anySatisfy(mapping -> STATES.forEach((value, textAndColour) -> {
                        assertThat(mapping.path("options").path(value).path("text").asText()).as(where + " state " + value)
                            .isEqualTo(textAndColour[0]);
                        assertThat(mapping.path("options").path(value).path("color").asText()).as(where + " state " + value)
                            .isEqualTo(textAndColour[1]);
                    }));
                }
            }
        }
        assertThat(statePanels).as("panels coloured by state").isGreaterThanOrEqualTo(3);
    }

    /**
     * The unit and overview dashboards let a user pick own or subtree rows (variable {@code scope}); every query of a
     * unit's KPIs selects by it, or names the own rows where only they exist (the forecast). They and the alerts
     * dashboard show units by name (joined with tthc_unit_info), the unit variable included.
     */
    @Test
    void theUnitAndOverviewDashboardsPickOwnOrSubtreeRowsAndShowUnitNames() {
        for (final String name : List.of("tthc-unit.json", "tthc-overview.json", "tthc-alerts.json")) {
            final JsonNode dashboard = RepositoryFiles.json(RepositoryFiles.path(DashboardQueries.DASHBOARDS).resolve(name));
            final boolean kpis = !name.equals("tthc-alerts.json");
            if (kpis) {
                assertThat(DashboardQueries.customVariables()).as(name + " variable scope")
                    .contains(new DashboardQueries.CustomVariable(name, "scope", List.of("own", "subtree")));
            }
            for (final JsonNode panel : DashboardQueries.panels(dashboard)) {
                final String where = name + ": " + panel.path("title").asText();
                for (final JsonNode target : panel.path("targets")) {
                    final String expr = target.path("expr").asText();
                    if (kpis && UNIT_KPI_SERIES.matcher(expr).find() && !expr.contains("tthc:units_below_target")
                        && !expr.startsWith("count(")) {
                        assertThat(expr).as(where + " selects own or subtree rows")
                            .containsAnyOf("scope=\"$scope\"", "scope=\"own\"").doesNotContain("scope!=");
                    }
                    assertThat(target.path("legendFormat").asText()).as(where + ": units by name, not code").doesNotContain("{{unit}}");
                    if (target.path("legendFormat").asText().contains("{{name}}")
                        || (target.path("format").asText().equals("table") && !expr.contains("unit=\"$unit\"")
                            && !expr.startsWith("ALERTS"))) {
                        assertThat(expr).as(where + " joins the unit names").contains("group_left (name)").contains("tthc_unit_info");
                    }
                }
            }
        }
        assertThat(DashboardQueries.queryResultQueries()).as("the unit variable shows names")
            .anySatisfy(query -> {
                assertThat(query.dashboard()).isEqualTo("tthc-unit.json");
                assertThat(query.variable()).isEqualTo("unit");
                assertThat(query.expr()).contains("tthc_unit_info");
            });
    }

    /** The system dashboard has a row for the notifier and one for the gateway, on the series they export. */
    @Test
    void theSystemDashboardHasARowForTheNotifierAndOneForTheGateway() {
        final JsonNode dashboard = RepositoryFiles.json(RepositoryFiles.path(DashboardQueries.DASHBOARDS).resolve("tthc-pipeline.json"));
        final Map<String, StringBuilder> exprsByRow = new HashMap<>();
        String row = "";
        for (final JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                row = panel.path("title").asText();
            }
            final StringBuilder exprs = exprsByRow.computeIfAbsent(row, any -> new StringBuilder());
            panel.path("targets").forEach(target -> exprs.append(target.path("expr").asText()).append('\n'));
        }
        assertThat(exprsByRow.get("")).as("service state").contains("kpi-streams|alert-notifier|ingest-gateway");
        assertThat(exprsByRow).containsKeys("Gửi thông báo (alert-notifier)", "Cổng tiếp nhận (ingest-gateway)");
        assertThat(exprsByRow.get("Gửi thông báo (alert-notifier)").toString()).contains("tthc_notifications_sent_total",
            "tthc_notification_failures_total", "tthc_notifications_pending", "tthc_notifications_digest_warnings",
            "tthc_notifications_oldest_pending_age_seconds",
            "tthc_notification_latency_seconds_bucket");
        assertThat(exprsByRow.get("Cổng tiếp nhận (ingest-gateway)").toString()).contains(
            "http_server_requests_seconds_count{job=\"ingest-gateway\"", "status=~\"4..|5..\"",
            "tthc_gateway_request_duration_seconds_bucket", "tthc_gateway_rate_limited_total", "tthc_gateway_events_total",
            "tthc_gateway_auth_failures_total");
    }

    private static void assertVietnamese(final String where, final String text) {
        assertThat(text.chars().anyMatch(c -> c > 127)).as(where + " is Vietnamese with diacritics: " + text).isTrue();
    }
}
