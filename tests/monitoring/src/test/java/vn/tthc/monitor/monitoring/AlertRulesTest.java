package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the alert rules of prometheus/rules watch, and that their promtool tests (prometheus/tests,
 * run by {@link PromtoolTest}) pin each of them down: the system only (KPI alerts come from
 * kpi-streams and alert-notifier, docs/MONITORING.md), every scraped service, and for every rule a
 * test where it fires, is quiet one evaluation before (its threshold or the end of its `for`), and
 * is quiet again later (recovery).
 */
class AlertRulesTest {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    @Test
    void noAlertRuleWatchesAKpi() {
        for (final RuleFiles.Rule rule : RuleFiles.alertRules()) {
            assertThat(rule.expr()).as(rule.name() + ": KPI alerts come from the pipeline, not from Prometheus")
                .doesNotContainPattern("tthc_kpi_|tthc:kpi|tthc:unit|tthc:units_|tthc_alerts_open|tthc_cases");
        }
    }

    @Test
    void everyScrapedServiceIsWatchedByTheServiceDownRule() {
        final RuleFiles.Rule serviceDown = RuleFiles.alertRules().stream().filter(rule -> rule.name().equals("TthcServiceDown"))
            .findFirst().orElseThrow();
        final Matcher jobs = Pattern.compile("up\\{job=~\"([^\"]+)\"}").matcher(serviceDown.expr());
        assertThat(jobs.find()).as(serviceDown.expr()).isTrue();
        final Set<String> watched = new TreeSet<>(List.of(jobs.group(1).split("\\|")));
        for (final String config : List.of("prometheus/prometheus.yml", "prometheus/prometheus-local.yml")) {
            final Set<String> scraped = new TreeSet<>();
            RepositoryFiles.yaml(config).path("scrape_configs").forEach(job -> scraped.add(job.path("job_name").asText()));
            assertThat(watched).as(config).isEqualTo(scraped).containsExactly("alert-notifier", "ingest-gateway", "kpi-streams");
        }
    }

    @Test
    void everyAlertRuleIsTestedFiringQuietJustBeforeAndRecovered() {
        final List<Evaluation> evaluations = evaluations();
        for (final RuleFiles.Rule rule : RuleFiles.alertRules()) {
            final List<Evaluation> ofRule = evaluations.stream().filter(e -> e.alert().equals(rule.name())).toList();
            assertThat(ofRule.stream().anyMatch(Evaluation::firing)).as(rule.name() + " is tested firing").isTrue();
            assertThat(ofRule.stream().anyMatch(firing -> firing.firing() && ofRule.stream().anyMatch(quiet ->
                quiet.test().equals(firing.test()) && !quiet.firing() && quiet.at().equals(firing.at().minus(firing.interval())))))
                .as(rule.name() + " is tested quiet one evaluation before it fires (its threshold or the end of its for)").isTrue();
            assertThat(ofRule.stream().anyMatch(firing -> firing.firing() && ofRule.stream().anyMatch(quiet ->
                quiet.test().equals(firing.test()) && !quiet.firing() && quiet.at().compareTo(firing.at()) > 0)))
                .as(rule.name() + " is tested recovered after firing").isTrue();
        }
    }

    /** One alert_rule_test entry: in which test (file and index), when, whether alerts are expected. */
    private record Evaluation(String test, String alert, Duration at, Duration interval, boolean firing) {
    }

    private static List<Evaluation> evaluations() {
        final List<Evaluation> evaluations = new ArrayList<>();
        for (final Path file : RepositoryFiles.list("prometheus/tests", ".yml")) {
            final JsonNode tests = RepositoryFiles.yaml(file);
            final Duration interval = duration(tests.path("evaluation_interval").asText("1m"));
            int index = 0;
            for (final JsonNode test : tests.path("tests")) {
                final String name = file.getFileName() + "#" + index++;
                for (final JsonNode evaluation : test.path("alert_rule_test")) {
                    evaluations.add(new Evaluation(name, evaluation.path("alertname").asText(),
                        duration(evaluation.path("eval_time").asText()), interval, !evaluation.path("exp_alerts").isEmpty()));
                }
            }
        }
        assertThat(evaluations).isNotEmpty();
        return evaluations;
    }

    private static Duration duration(final String text) {
        final Matcher matcher = DURATION.matcher(text);
        assertThat(matcher.matches()).as(text + " is a duration in s, m or h").isTrue();
        final long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
