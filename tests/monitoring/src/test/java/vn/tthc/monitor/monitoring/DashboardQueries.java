package vn.tthc.monitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queries of the Grafana dashboards (grafana/dashboards/*.json): every panel target's PromQL
 * expression, every query variable (only {@code label_values(selector, label)} and {@code query_result(expr)} with a
 * regex naming the groups {@code text} and {@code value} are supported: they are what the integration test can
 * evaluate), and the values of custom variables.
 */
public final class DashboardQueries {

    public static final String DASHBOARDS = "grafana/dashboards";

    /** Grafana's built-in interval variables, as the integration test replaces them (Prometheus scrapes every second there). */
    public static final Map<String, String> BUILT_IN_INTERVALS =
        Map.of("__rate_interval", "1m", "__interval", "1m", "__range", "5m");

    private static final Pattern LABEL_VALUES =
        Pattern.compile("^label_values\\(\\s*(.+?)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)$");
    private static final Pattern QUERY_RESULT = Pattern.compile("^query_result\\((.+)\\)$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");

    public record PanelQuery(String dashboard, String panel, String expr) {
    }

    /** {@code label_values(match, label)}: the values of {@code label} on the series of {@code match}. */
    public record LabelValuesQuery(String dashboard, String variable, String match, String label) {
    }

    /**
     * {@code query_result(expr)}: Grafana renders each result of the instant query {@code expr} as
     * {@code name{label="value",…} value timestamp} and takes the option's text and value from the groups {@code text}
     * and {@code value} of {@code regex}.
     */
    public record QueryResultQuery(String dashboard, String variable, String expr, Pattern regex) {
    }

    public record CustomVariable(String dashboard, String name, List<String> values) {
    }

    private DashboardQueries() {
    }

    public static List<Path> files() {
        return RepositoryFiles.list(DASHBOARDS, ".json");
    }

    public static List<PanelQuery> panelQueries() {
        final List<PanelQuery> queries = new ArrayList<>();
        for (final Path file : files()) {
            final JsonNode dashboard = RepositoryFiles.json(file);
            for (final JsonNode panel : panels(dashboard)) {
                for (final JsonNode target : panel.path("targets")) {
                    queries.add(new PanelQuery(file.getFileName().toString(), panel.path("title").asText(),
                        target.path("expr").asText()));
                }
            }
        }
        return queries;
    }

    public static List<LabelValuesQuery> labelValuesQueries() {
        final List<LabelValuesQuery> queries = new ArrayList<>();
        for (final Path file : files()) {
            for (final JsonNode variable : RepositoryFiles.json(file).path("templating").path("list")) {
                if (variable.path("type").asText().equals("query")) {
                    final String query = variableQuery(variable);
                    final Matcher matcher = LABEL_VALUES.matcher(query);
                    if (matcher.matches()) {
                        queries.add(new LabelValuesQuery(file.getFileName().toString(), variable.path("name").asText(),
                            matcher.group(1), matcher.group(2)));
                    } else if (!QUERY_RESULT.matcher(query).matches()) {
                        throw new IllegalArgumentException(file.getFileName() + ": variable " + variable.path("name").asText()
                            + " has a query the integration test cannot check: " + query);
                    }
                }
            }
        }
        return queries;
    }

    public static List<QueryResultQuery> queryResultQueries() {
        final List<QueryResultQuery> queries = new ArrayList<>();
        for (final Path file : files()) {
            for (final JsonNode variable : RepositoryFiles.json(file).path("templating").path("list")) {
                final Matcher matcher = QUERY_RESULT.matcher(variableQuery(variable));
                if (variable.path("type").asText().equals("query") && matcher.matches()) {
                    final String regex = variable.path("regex").asText();
                    if (!regex.startsWith("/") || !regex.endsWith("/") || !regex.contains("(?<text>") || !regex.contains("(?<value>")) {
                        throw new IllegalArgumentException(file.getFileName() + ": variable " + variable.path("name").asText()
                            + " reads query_result without a /regex/ naming the groups text and value: " + regex);
                    }
                    queries.add(new QueryResultQuery(file.getFileName().toString(), variable.path("name").asText(),
                        matcher.group(1), Pattern.compile(regex.substring(1, regex.length() - 1))));
                }
            }
        }
        return queries;
    }

    public static List<CustomVariable> customVariables() {
        final List<CustomVariable> variables = new ArrayList<>();
        for (final Path file : files()) {
            for (final JsonNode variable : RepositoryFiles.json(file).path("templating").path("list")) {
                if (variable.path("type").asText().equals("custom")) {
                    final List<String> values = new ArrayList<>();
                    variable.path("options").forEach(option -> values.add(option.path("value").asText()));
                    variables.add(new CustomVariable(file.getFileName().toString(), variable.path("name").asText(), values));
                }
            }
        }
        return variables;
    }

    /** A variable's query text, whether Grafana stored it as a string or as the query editor's object. */
    public static String variableQuery(final JsonNode variable) {
        final JsonNode query = variable.path("query");
        return (query.isObject() ? query.path("query") : query).asText().trim();
    }

    /** Every panel of a dashboard, rows excluded, panels inside collapsed rows included. */
    public static List<JsonNode> panels(final JsonNode dashboard) {
        final List<JsonNode> panels = new ArrayList<>();
        for (final JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /**
     * The expression with {@code $name} and {@code ${name}} replaced by {@code values} or Grafana's
     * built-in intervals; fails on a variable it does not know.
     */
    public static String substitute(final String expr, final Map<String, String> values) {
        final Matcher matcher = VARIABLE.matcher(expr);
        final StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            final String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            final String value = values.getOrDefault(name, BUILT_IN_INTERVALS.get(name));
            if (value == null) {
                throw new IllegalArgumentException("unknown variable $" + name + " in " + expr);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
