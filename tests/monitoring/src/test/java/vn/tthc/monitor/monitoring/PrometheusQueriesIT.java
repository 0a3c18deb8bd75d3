package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Every PromQL expression of the dashboards and rules, evaluated by a real Prometheus (the
 * {@code prometheus} program on the PATH; missing, the test fails) scraping a real kpi-streams on a
 * real broker every second, with the repository's rule files loaded.
 *
 * <p>Panel queries, variable queries and recording rules must return data, asked as range queries over the last
 * 30 s as Grafana asks them; none may end in {@code or vector(0)}, which always returns data. Alert rules must
 * evaluate without error and their signal (the expression before its comparison, see
 * {@link AlertSignal}) must return data, unless it is a metric of alert-notifier or ingest-gateway,
 * which this test does not run: a healthy system does not fire them. The events make one of them
 * fire for real (a burst of rejected lines), and stopping kpi-streams at the end makes the
 * service-down rule fire.
 */
class PrometheusQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** Panels, variables and rules are checked with range queries over this much time, as Grafana sends them. */
    private static final Duration RANGE = Duration.ofSeconds(30);
    private static final Set<String> FIRING_WITH_THESE_EVENTS = Set.of("TthcEventsRejected");
    /**
     * Alert rules whose signal is a metric of alert-notifier or ingest-gateway, which this test does
     * not run: they must evaluate without error here; their promtool tests (prometheus/tests) pin
     * their behaviour, and their metric names are those of docs/NOTIFIER.md and docs/INGEST.md.
     */
    private static final Set<String> SIGNAL_FROM_NOTIFIER_OR_GATEWAY = Set.of("TthcMetricsNotRefreshed",
        "TthcNotificationsFailing", "TthcNotificationsStuck", "TthcGatewayServerErrors", "TthcGatewayUnavailable",
        "TthcGatewayRateLimited");
    private static final String SERVICE_DOWN = "TthcServiceDown";

    @Test
    void everyDashboardAndRuleExpressionHasDataFromPrometheusScrapingKpiStreams() throws Exception {
        final Path targets = TestDirectories.fresh("targets").resolve("targets.yaml");
        Files.writeString(targets, "defaults: {minVolume: 2}\n");
        final RunningService service = new RunningService(Map.of("tthc.targets.file", targets.toString(),
            "tthc.pipeline.watch-interval", "200ms", "tthc.pipeline.watch-grace", "1s"));
        final PrometheusServer prometheus = startPrometheus(service);
        try (prometheus) {
            try (service) {
                await("kpi-streams scraped").atMost(WAIT).until(() -> prometheus.resultCount("up{job=\"kpi-streams\"} == 1") == 1);
                sendEvents(service, prometheus);

                await("every query has data").atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(queriesWithoutData(prometheus)).isEmpty());
                assertVariablesHaveTheirValues(prometheus);
                assertAlertRulesEvaluate(prometheus);
                assertEveryRuleIsLoadedAndHealthy(prometheus);
            }
            final String serviceDown = alertExpression(SERVICE_DOWN);
            await("kpi-streams seen down").atMost(WAIT).untilAsserted(() ->
                assertThat(prometheus.resultCount(serviceDown)).as(serviceDown).isEqualTo(1));
        } catch (final AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nprometheus log:\n" + prometheus.log(), e);
        }
    }

    private static PrometheusServer startPrometheus(final RunningService service) throws IOException {
        try {
            return PrometheusServer.scraping("127.0.0.1:" + service.context().getBean(EmbeddedServer.class).getPort());
        } catch (final IOException | RuntimeException | AssertionError e) {
            service.close();
            throw e;
        }
    }

    /**
     * The events of both units with duplicates and rejected lines; then, once Prometheus has a
     * sample of the rejected count, more rejected lines, so that the rejection rate is not zero.
     */
    private static void sendEvents(final RunningService service, final PrometheusServer prometheus) {
        final List<String> lines = MonitoringEvents.bothUnits(Instant.now());
        service.send(lines);
        service.send(lines.subList(0, 5));
        service.send(MonitoringEvents.rejected("bad-a-", 4));
        await("rejected events scraped").atMost(WAIT)
            .until(() -> prometheus.resultCount("tthc_events_total{outcome=\"rejected\"}") > 0);
        service.send(MonitoringEvents.rejected("bad-b-", 4));
        service.send(MonitoringEvents.moreSurveys("more-", 4, Instant.now()));
    }

    /** Every checked query that has no data now, with where it comes from. */
    private static List<String> queriesWithoutData(final PrometheusServer prometheus) {
        final List<String> empty = new ArrayList<>();
        final Map<String, String> checked = checkedQueries();
        // "or vector(0)" always returns data: a panel or rule would pass here with its metric missing
        // (an empty panel shows Grafana's noValue instead)
        assertThat(checked).allSatisfy((where, expr) -> assertThat(expr).as(where).doesNotContainPattern("or\\s+vector\\("));
        checked.forEach((where, expr) -> {
            if (prometheus.rangeResultCount(expr, RANGE) == 0) {
                empty.add(where + ": " + expr);
            }
        });
        assertThat(checked).hasSizeGreaterThan(100);
        return empty;
    }

    /**
     * The panel queries, for every value of their dashboard's custom variables and the unit below
     * target; the recording rules' expressions and recorded series; the alert rules' signals; the
     * alert rules these events make fire.
     */
    private static Map<String, String> checkedQueries() {
        final Map<String, String> queries = new LinkedHashMap<>();
        for (final DashboardQueries.PanelQuery query : DashboardQueries.panelQueries()) {
            for (final Map<String, String> values : variableValues(query)) {
                queries.put(query.dashboard() + " / " + query.panel() + " " + values + " / " + query.expr(),
                    DashboardQueries.substitute(query.expr(), values));
            }
        }
        for (final RuleFiles.Rule rule : RuleFiles.recordingRules()) {
            queries.put(rule.file() + " / " + rule.name() + " expr", rule.expr());
            queries.put(rule.file() + " / " + rule.name() + " recorded", rule.name());
        }
        for (final RuleFiles.Rule rule : RuleFiles.alertRules()) {
            if (!SIGNAL_FROM_NOTIFIER_OR_GATEWAY.contains(rule.name())) {
                queries.put(rule.file() + " / " + rule.name() + " signal", AlertSignal.of(rule.expr()));
            }
            if (FIRING_WITH_THESE_EVENTS.contains(rule.name())) {
                queries.put(rule.file() + " / " + rule.name() + " firing", rule.expr());
            }
        }
        return queries;
    }

    /** One map of variable values per value of the custom variables the query uses; $unit is the unit below target. */
    private static List<Map<String, String>> variableValues(final DashboardQueries.PanelQuery query) {
        List<Map<String, String>> combinations = List.of(Map.of("unit", MonitoringEvents.BELOW_TARGET));
        for (final DashboardQueries.CustomVariable variable : DashboardQueries.customVariables()) {
            if (variable.dashboard().equals(query.dashboard()) && query.expr().contains("$" + variable.name())) {
                final List<Map<String, String>> extended = new ArrayList<>();
                for (final Map<String, String> combination : combinations) {
                    for (final String value : variable.values()) {
                        final Map<String, String> values = new HashMap<>(combination);
                        values.put(variable.name(), value);
                        extended.add(values);
                    }
                }
                combinations = extended;
            }
        }
        return combinations;
    }

    private static void assertVariablesHaveTheirValues(final PrometheusServer prometheus) {
        final List<DashboardQueries.LabelValuesQuery> labelValues = DashboardQueries.labelValuesQueries();
        assertThat(labelValues).isNotEmpty();
        for (final DashboardQueries.LabelValuesQuery query : labelValues) {
            final List<String> values = prometheus.labelValues(query.label(), query.match());
            assertThat(values).as(query.toString()).isNotEmpty();
            if (query.label().equals("unit")) {
                assertThat(values).as(query.toString()).contains(MonitoringEvents.BELOW_TARGET, MonitoringEvents.ABOVE_TARGET);
            }
        }
        for (final DashboardQueries.CustomVariable variable : DashboardQueries.customVariables()) {
            assertThat(prometheus.labelValues(variable.name(), "tthc_kpi_ratio"))
                .as(variable + ": every option is a value of the label " + variable.name())
                .containsAll(variable.values());
        }
    }

    /** Every alert expression is valid PromQL Prometheus evaluates; the healthy ones have no result. */
    private static void assertAlertRulesEvaluate(final PrometheusServer prometheus) {
        final List<RuleFiles.Rule> alerts = RuleFiles.alertRules();
        assertThat(alerts).extracting(RuleFiles.Rule::name).containsAll(FIRING_WITH_THESE_EVENTS).contains(SERVICE_DOWN)
            .containsAll(SIGNAL_FROM_NOTIFIER_OR_GATEWAY);
        for (final RuleFiles.Rule alert : alerts) {
            final int results = prometheus.resultCount(alert.expr());
            if (!FIRING_WITH_THESE_EVENTS.contains(alert.name())) {
                assertThat(results).as(alert.name() + " does not fire on a healthy pipeline: " + alert.expr()).isZero();
            }
        }
        assertThat(prometheus.resultCount("ALERTS{alertname=\"TthcEventsRejected\"}"))
            .as("the burst of rejected events makes TthcEventsRejected pending").isPositive();
    }

    private static void assertEveryRuleIsLoadedAndHealthy(final PrometheusServer prometheus) {
        int loaded = 0;
        for (final JsonNode group : prometheus.rules()) {
            for (final JsonNode rule : group.path("rules")) {
                loaded++;
                assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": " + rule.path("lastError").asText())
                    .isEqualTo("ok");
            }
        }
        assertThat(loaded).isEqualTo(RuleFiles.rules().size());
    }

    private static String alertExpression(final String name) {
        return RuleFiles.alertRules().stream().filter(rule -> rule.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no alert rule " + name)).expr();
    }
}
