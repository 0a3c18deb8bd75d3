package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The supervision of {@code ./tthc up} (its functions {@code started}, {@code supervise}, {@code stop_all}),
 * sourced from the script and run with stand-in processes instead of the five JVMs: when one of them
 * ends, tthc says which, with its status and log, within 10 s, and stops the others.
 */
class TthcUpSupervisionTest {

    @Test
    void aProcessThatEndsIsNamedWithItsLogAndTheRestAreStopped() throws Exception {
        final String script = String.join("\n",
            "source " + RepositoryFiles.path("tthc"),
            "PIDS=() NAMES=() LOGS=()",
            "trap stop_all EXIT",
            "sleep 60 & started long-running /logs/long-running.log",
            "echo \"long-running=$!\"",
            "(sleep 1; exit 3) & started short-lived /logs/short-lived.log",
            "supervise");
        final Process bash = new ProcessBuilder("bash", "-c", script).start();
        final long started = System.nanoTime();

        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).as("tthc notices within 10 s").isTrue();
        final Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        final String stdout = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String stderr = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).isEqualTo(1);
        assertThat(stderr.lines().toList()).containsSequence(List.of(
            "tthc: short-lived stopped (exit status 3); its log: /logs/short-lived.log. Stopping the rest.",
            "tthc: stopping...",
            "tthc: stopped"));
        final long longRunning = Long.parseLong(stdout.lines().filter(line -> line.startsWith("long-running="))
            .findFirst().orElseThrow().substring("long-running=".length()));
        assertThat(ProcessHandle.of(longRunning).map(ProcessHandle::isAlive).orElse(false))
            .as("the other process is stopped").isFalse();
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
    }
}
