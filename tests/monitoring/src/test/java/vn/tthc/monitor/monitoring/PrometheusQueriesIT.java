package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * Every PromQL expression of the dashboards and rules, evaluated by a real Prometheus (the
 * {@code prometheus} program on the PATH; missing, the test fails) scraping the three services every second, with
 * the repository's rule files loaded: a real kpi-streams on a real broker, and ingest-gateway and alert-notifier each
 * in its own JVM from its packaged jar, as {@code ./tthc up} runs them, reading the same organisation file.
 *
 * <p>The events go through the gateway (with a request without key and a burst above the rate limit, so that its
 * 401 and 429 are real) into kpi-streams, whose alerts and case warnings the notifier mails (files, no SMTP) and
 * sends to a head's webhook on a closed port (so that its failed and retried deliveries are real). Panel queries,
 * variable queries and recording rules must return data, asked as range queries over the last 30 s as Grafana asks
 * them; none may end in {@code or vector(0)}, which always returns data. Alert rules must evaluate without error and
 * their signal (the expression before its comparison, see {@link AlertSignal}) must return data; the rules on
 * server errors, which a healthy gateway does not answer, must instead find the series they divide. Stopping
 * kpi-streams at the end makes the service-down rule fire.
 */
class PrometheusQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Panels, variables and rules are checked with range queries over this much time, as Grafana sends them. */
    private static final Duration RANGE = Duration.ofSeconds(30);
    private static final Set<String> FIRING_WITH_THESE_EVENTS = Set.of("TthcEventsRejected");
    /**
     * Rules that the test's real 429s and real webhook failures may make pending or not, depending on where the
     * scrapes fall: neither asserted quiet nor firing (their promtool tests pin threshold and {@code for}).
     */
    private static final Set<String> MAY_FIRE_WITH_THESE_EVENTS = Set.of("TthcGatewayRateLimited", "TthcNotificationsFailing");
    /**
     * Rules whose signal is a share of server errors, which a healthy gateway does not answer: the series they divide
     * must have data instead.
     */
    private static final Map<String, String> SERIES_OF_QUIET_SIGNALS = Map.of(
        "TthcGatewayServerErrors", "http_server_requests_seconds_count{job=\"ingest-gateway\"}",
        "TthcGatewayUnavailable", "http_server_requests_seconds_count{job=\"ingest-gateway\"}");
    private static final String SERVICE_DOWN = "TthcServiceDown";
    private static final String GATEWAY_KEY = "tthc_monitoring-it-key";

    @Test
    void everyDashboardAndRuleExpressionHasDataFromPrometheusScrapingTheThreeServices() throws Exception {
        final Path directory = TestDirectories.fresh("monitoring-it");
        final Path targets = Files.writeString(directory.resolve("targets.yaml"), "defaults: {minVolume: 2}\n");
        final Path units = Files.writeString(directory.resolve("units.yaml"), MonitoringEvents.organisationFile(closedPort()));
        final RunningService service = new RunningService(Map.of("tthc.targets.file", targets.toString(),
            "tthc.units.file", units.toString(),
            "tthc.pipeline.watch-interval", "200ms", "tthc.pipeline.watch-grace", "1s"));
        boolean serviceRunning = true;
        try (ServiceProcess notifier = new ServiceProcess("alert-notifier", "tthc.notifier.jar", notifierProperties(service, units, directory));
             ServiceProcess gateway = new ServiceProcess("ingest-gateway", "tthc.gateway.jar", gatewayProperties(service, directory));
             PrometheusServer prometheus = PrometheusServer.scraping(Map.of(
                 "kpi-streams", "127.0.0.1:" + service.context().getBean(EmbeddedServer.class).getPort(),
                 "alert-notifier", notifier.address(), "ingest-gateway", gateway.address()))) {
            try {
                await("the three services scraped").atMost(WAIT).until(() -> prometheus.resultCount("up == 1") == 3);
                sendEvents(service, gateway, prometheus);

                await("every query has data").atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(queriesWithoutData(prometheus)).isEmpty());
                assertVariablesHaveTheirValues(prometheus);
                assertAlertRulesEvaluate(prometheus);
                final String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
                assertThat(prometheus.resultCount("tthc_kpi_period_info{period=\"month\",period_id=\"" + month + "\"}"))
                    .as("the id of the current month, " + month).isEqualTo(1);
                assertEveryRuleIsLoadedAndHealthy(prometheus);
                // for docs/MONITORING.md's series count: what each service and the rules make of these events
                System.out.println("series per job: " + prometheus.query("count by (job) ({__name__=~\".+\"})").path("data")
                    .path("result") + "; recorded: " + prometheus.query("count({__name__=~\"tthc:.+\"})").path("data").path("result"));

                service.close();
                serviceRunning = false;
                final String serviceDown = alertExpression(SERVICE_DOWN);
                await("kpi-streams seen down").atMost(WAIT).untilAsserted(() ->
                    assertThat(prometheus.resultCount(serviceDown)).as(serviceDown).isEqualTo(1));
            } catch (final AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\nprometheus log:\n" + prometheus.log()
                    + "\nalert-notifier log (end):\n" + tail(notifier.log()) + "\ningest-gateway log (end):\n" + tail(gateway.log()), e);
            }
        } finally {
            if (serviceRunning) {
                service.close();
            }
        }
    }

    /** The notifier of {@code ./tthc up}, on the service's topics, mailing into files, retrying a failed webhook every second or two. */
    private static Map<String, String> notifierProperties(final RunningService service, final Path units, final Path directory) {
        final Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("tthc.topics.alerts", service.topic("alerts"));
        properties.put("tthc.topics.case-warnings", service.topic("case-warnings"));
        properties.put("tthc.topics.notifications", service.topic("notifications"));
        properties.put("tthc.notifier.group-id", service.topic("notifier"));
        properties.put("tthc.notifier.units-file", units.toString());
        properties.put("tthc.notifier.fields-file", RepositoryFiles.path("config/fields.csv").toString());
        properties.put("tthc.notifier.mail-directory", directory.resolve("mail").toString());
        properties.put("tthc.notifier.group-window", "1s");
        properties.put("tthc.notifier.digest-interval", "2s");
        properties.put("tthc.notifier.first-retry", "1s");
        properties.put("tthc.notifier.max-retry", "2s");
        return properties;
    }

    /** The gateway of {@code ./tthc up} writing to the service's events topic, one key, a low rate limit. */
    private static Map<String, String> gatewayProperties(final RunningService service, final Path directory) {
        final Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers());
        properties.put("tthc.gateway.events-topic", service.topic("events"));
        properties.put("tthc.gateway.entity-owners-topic", service.topic("entity-owners"));
        properties.put("tthc.gateway.state-dir", directory.resolve("gateway-state").toString());
        properties.put("tthc.gateway.keys", MonitoringEvents.SOURCE + ":" + sha256Hex(GATEWAY_KEY));
        properties.put("tthc.gateway.rate-limit", "0.2");
        properties.put("tthc.gateway.rate-burst", "4");
        return properties;
    }

    /**
     * The events of both units through the gateway, sent twice (duplicates), invalid events to the gateway; duplicates
     * and lines that are not events straight to the topic (as a source writing to Kafka would); once Prometheus has a sample of
     * the rejected count, more of them, so that the rejection rate is not zero; a request without key (401) and a
     * burst above the rate limit (429).
     */
    private static void sendEvents(final RunningService service, final ServiceProcess gateway, final PrometheusServer prometheus) {
        final List<String> lines = MonitoringEvents.bothUnits(Instant.now());
        assertThat(postEvents(gateway, lines)).as("events through the gateway").isEqualTo(200);
        assertThat(postEvents(gateway, lines.subList(0, 5))).as("duplicates through the gateway").isEqualTo(200);
        assertThat(postEvents(gateway, MonitoringEvents.invalidEvents("gw-bad-", 3))).as("invalid events").isEqualTo(200);
        assertThat(gateway.post("/api/v1/events", "[]")).as("a request without key").isEqualTo(401);
        // the gateway answered those duplicates itself: these reach kpi-streams (a source writing to Kafka directly)
        service.send(lines.subList(0, 5));
        service.send(MonitoringEvents.rejected("bad-a-", 4));
        await("rejected events scraped").atMost(WAIT)
            .until(() -> prometheus.resultCount("tthc_events_total{outcome=\"rejected\"}") > 0);
        service.send(MonitoringEvents.rejected("bad-b-", 4));
        final List<Integer> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(postEvents(gateway, MonitoringEvents.moreSurveys("more-" + i + "-", 1, Instant.now())));
        }
        assertThat(burst).as("a burst above the gateway's rate limit").contains(429);
    }

    private static int postEvents(final ServiceProcess gateway, final List<String> lines) {
        return gateway.post("/api/v1/events", "[" + String.join(",", lines) + "]", "Authorization", "Bearer " + GATEWAY_KEY);
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
            queries.put(rule.file() + " / " + rule.name() + " signal",
                SERIES_OF_QUIET_SIGNALS.getOrDefault(rule.name(), AlertSignal.of(rule.expr())));
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
        for (final DashboardQueries.LabelValuesQuery query : labelValues) {
            final List<String> values = prometheus.labelValues(query.label(), query.match());
            assertThat(values).as(query.toString()).isNotEmpty();
            if (query.label().equals("unit")) {
                assertThat(values).as(query.toString()).contains(MonitoringEvents.BELOW_TARGET, MonitoringEvents.ABOVE_TARGET);
            }
        }
        final List<DashboardQueries.QueryResultQuery> results = DashboardQueries.queryResultQueries();
        assertThat(results.size() + labelValues.size()).as("query variables").isPositive();
        for (final DashboardQueries.QueryResultQuery query : results) {
            final Map<String, String> options = new LinkedHashMap<>();
            for (final String line : prometheus.queryResultLines(query.expr())) {
                final Matcher matcher = query.regex().matcher(line);
                if (matcher.find()) {
                    options.put(matcher.group("value"), matcher.group("text"));
                }
            }
            assertThat(options).as(query + ": the options Grafana makes of the results").isNotEmpty();
            if (query.variable().equals("unit")) {
                assertThat(options).as(query + ": units by name").containsEntry(MonitoringEvents.BELOW_TARGET, "Sở dưới chỉ tiêu")
                    .containsEntry(MonitoringEvents.ABOVE_TARGET, "Phường đạt chỉ tiêu");
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
            .containsAll(MAY_FIRE_WITH_THESE_EVENTS).containsAll(SERIES_OF_QUIET_SIGNALS.keySet());
        for (final RuleFiles.Rule alert : alerts) {
            final int results = prometheus.resultCount(alert.expr());
            if (!FIRING_WITH_THESE_EVENTS.contains(alert.name()) && !MAY_FIRE_WITH_THESE_EVENTS.contains(alert.name())) {
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

    private static String tail(final String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String sha256Hex(final String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String alertExpression(final String name) {
        return RuleFiles.alertRules().stream().filter(rule -> rule.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no alert rule " + name)).expr();
    }
}
