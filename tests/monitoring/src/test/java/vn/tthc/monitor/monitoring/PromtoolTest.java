package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * promtool (Prometheus' own checker, on the PATH) on the repository's Prometheus config, rules and rule
 * tests, and amtool (Alertmanager's, Debian's prometheus-alertmanager) on the Alertmanager config.
 */
class PromtoolTest {

    @Test
    void bothScrapeConfigsAreValidWithTheirRuleFiles() throws Exception {
        // the compose config's syntax only: its operator key file (/run/secrets/operator_key) exists in the stack alone;
        // its rule files are the local config's, checked in full below
        assertSucceeds("check", "config", "--syntax-only", "prometheus/prometheus.yml");
        assertSucceeds("check", "config", "prometheus/prometheus-local.yml");
    }

    @Test
    void theRuleFilesAreValid() throws Exception {
        final List<String> arguments = new ArrayList<>(List.of("check", "rules"));
        RuleFiles.files().forEach(file -> arguments.add(RepositoryFiles.root().relativize(file).toString()));
        assertThat(arguments).hasSizeGreaterThanOrEqualTo(4);
        assertSucceeds(arguments.toArray(String[]::new));
    }

    @Test
    void theRuleUnitTestsPass() throws Exception {
        final List<String> arguments = new ArrayList<>(List.of("test", "rules"));
        final List<Path> tests = RepositoryFiles.list("prometheus/tests", ".yml");
        assertThat(tests).as("rule tests in prometheus/tests").isNotEmpty();
        tests.forEach(file -> arguments.add(RepositoryFiles.root().relativize(file).toString()));
        assertSucceeds(arguments.toArray(String[]::new));
    }

    @Test
    void theAlertmanagerConfigIsValid() throws Exception {
        assertProgramSucceeds("amtool", "check-config", "alertmanager/alertmanager.yml");
    }

    private static void assertSucceeds(final String... arguments) throws IOException, InterruptedException {
        assertProgramSucceeds("promtool", arguments);
    }

    private static void assertProgramSucceeds(final String program, final String... arguments) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Executables.onPath(program).toString());
        command.addAll(List.of(arguments));
        final Process process = new ProcessBuilder(command)
            .directory(RepositoryFiles.root().toFile())
            .redirectErrorStream(true)
            .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(program + " ended").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
