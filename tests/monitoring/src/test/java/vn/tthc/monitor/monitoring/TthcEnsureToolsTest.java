package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./tthc up} and {@code ./tthc test} install when it is missing (the function
 * {@code ensure_tools}, sourced from the script), run with a PATH of stand-in programs and an
 * apt-get that only writes down what it was asked: up needs a JDK, Maven, curl and Prometheus;
 * test also amtool (prometheus-alertmanager), chromium and chromedriver; not root and without sudo,
 * it stops with the one command to run as root.
 */
class TthcEnsureToolsTest {

    private static final Set<String> EVERY_TOOL = Set.of("javac", "java", "mvn", "curl", "promtool", "prometheus", "amtool",
        "chromium", "chromedriver");

    @TempDir
    Path bin;

    @Test
    void nothingIsInstalledWhenEverythingIsThere() throws Exception {
        tools(EVERY_TOOL);
        assertThat(ensureTools("test", 0).aptGet()).isEmpty();
        assertThat(ensureTools("up", 0).aptGet()).isEmpty();
    }

    @Test
    void upInstallsPrometheusButNotWhatOnlyTheTestsNeed() throws Exception {
        tools(Set.of("javac", "java", "mvn", "curl", "promtool"));
        final Run run = ensureTools("up", 0);
        assertThat(run.status()).isZero();
        assertThat(run.aptGet()).containsExactly("update -q", "install -y -q --no-install-recommends prometheus");
    }

    @Test
    void testInstallsAlertmanagerAndChromiumToo() throws Exception {
        tools(Set.of("java", "mvn", "curl", "promtool", "prometheus", "chromium"));
        final Run run = ensureTools("test", 0);
        assertThat(run.status()).isZero();
        assertThat(run.aptGet()).containsExactly("update -q",
            "install -y -q --no-install-recommends openjdk-17-jdk-headless prometheus-alertmanager chromium chromium-driver");
    }

    @Test
    void notRootWithoutSudoItStopsWithTheCommandToRunAsRoot() throws Exception {
        tools(Set.of("javac", "java", "mvn", "curl", "chromium", "chromedriver"));
        final Run run = ensureTools("test", 1000);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.aptGet()).isEmpty();
        assertThat(run.stderr()).contains("apt-get update && apt-get install -y --no-install-recommends prometheus prometheus-alertmanager");
    }

    private record Run(int status, String stderr, List<String> aptGet) {
    }

    /** Stand-ins of the given programs (java says it is 17), apt-get writing its arguments down, and env. */
    private void tools(final Set<String> present) throws IOException {
        for (final String tool : present) {
            executable(tool, tool.equals("java") ? "echo 'openjdk version \"17.0.2\" 2022-01-18' >&2" : "exit 0");
        }
        executable("apt-get", "echo \"$*\" >> " + bin.resolve("apt-get.log"));
        Files.createSymbolicLink(bin.resolve("env"), Path.of("/usr/bin/env"));
    }

    private void executable(final String name, final String body) throws IOException {
        final Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** ensure_tools COMMAND with the stand-ins as the whole PATH, as the user of the given id. */
    private Run ensureTools(final String command, final int uid) throws IOException, InterruptedException {
        executable("id", "echo " + uid);
        final String script = String.join("\n",
            "source " + RepositoryFiles.path("tthc"),
            "PATH=" + bin,
            "ensure_tools " + command);
        final Process bash = new ProcessBuilder("/bin/bash", "-c", script).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("ensure_tools ended").isTrue();
        final String stderr = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        final Path log = bin.resolve("apt-get.log");
        final List<String> aptGet = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Files.deleteIfExists(log);
        return new Run(bash.exitValue(), stderr, aptGet);
    }
}
