package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.kpi.failure.FailingPipeline;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * {@code tthc replay} whose pipeline fails, or makes no progress, exits 1 at once with the cause on
 * stderr instead of waiting for ever (issue 12: a replay whose streams had died printed 100% and waited).
 */
class ReplayFailureIT {

    @Test
    void aReplayWhosePipelineFailsExitsOneWithTheCause() {
        final Run run = replay(FailingPipeline.properties(), "120s");

        assertThat(run.status()).isEqualTo(1);
        // the task is named only when Kafka Streams knows it: a send that fails while a commit flushes a store's
        // changelog (which is where the first write of this pipeline now fails) names the thread only
        assertThat(run.stderr()).contains("replay: the KPI pipeline stopped on a failure: " + FailingPipeline.CAUSE)
            .containsPattern("The message is \\d+ bytes when serialized which is larger than 200");
        // the context starts in about 5 s; the failure comes with the first record, the exit within a poll of it
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aReplayThatMakesNoProgressGivesUpAfterTheStallTimeout() {
        // no stream thread: Kafka Streams runs, nothing is ever processed
        final Run run = replay(Map.of("kafka.streams.default.num.stream.threads", "0"), "3s");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("replay: no progress for 3 s while waiting for the events to be processed");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(30));
    }

    private static Run replay(final Map<String, Object> pipelineProperties, final String stallTimeout) {
        final String id = "replay-failure-it-" + UUID.randomUUID();
        final Map<String, Object> properties = new HashMap<>(IsolatedTopics.named(id));
        properties.putAll(pipelineProperties);
        final List<String> args = new ArrayList<>(List.of(ExampleFiles.example("basic.events.jsonl").toString(),
            "--bootstrap", TestKafkaCluster.bootstrapServers(), "--application-id", id,
            "--state-dir", TestDirectories.fresh("replay-failure").toString(), "--stall-timeout", stallTimeout));
        properties.forEach((key, value) -> args.add("--property=" + key + "=" + value));
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final PrintStream original = System.err;
        final long started = System.nanoTime();
        final int status;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            status = new CommandLine(new ReplayCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setErr(original);
        }
        final String text = stderr.toString(StandardCharsets.UTF_8);
        original.print(text);
        return new Run(status, text, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Run(int status, String stderr, Duration elapsed) {
    }
}
