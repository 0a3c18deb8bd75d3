package vn.tthc.monitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recording and alert rules of prometheus/rules/*.yml. */
public final class RuleFiles {

    public static final String RULES = "prometheus/rules";

    public record Rule(String file, String name, boolean alert, String expr) {
    }

    private RuleFiles() {
    }

    public static List<Path> files() {
        return RepositoryFiles.list(RULES, ".yml");
    }

    public static List<Rule> rules() {
        final List<Rule> rules = new ArrayList<>();
        for (final Path file : files()) {
            for (final JsonNode group : RepositoryFiles.yaml(file).path("groups")) {
                for (final JsonNode rule : group.path("rules")) {
                    final boolean alert = rule.has("alert");
                    rules.add(new Rule(file.getFileName().toString(),
                        rule.path(alert ? "alert" : "record").asText(), alert, rule.path("expr").asText().trim()));
                }
            }
        }
        return rules;
    }

    public static List<Rule> recordingRules() {
        return rules().stream().filter(rule -> !rule.alert()).toList();
    }

    public static List<Rule> alertRules() {
        return rules().stream().filter(Rule::alert).toList();
    }
}
