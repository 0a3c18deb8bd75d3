package vn.tthc.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./tthc bench-restore} on a few events: it builds, loses and restores the state, and prints every figure; with
 * {@code --reuse} it measures the restore again on the state it built.
 */
class RestoreBenchmarkIT {

    private static final String[] SIZE = {"--events", "3000", "--cases", "1000", "--partitions", "2", "--threads", "1"};

    @TempDir
    Path work;

    @Test
    void buildsLosesAndRestoresTheStateAndPrintsTheFigures() {
        final StringWriter output = new StringWriter();
        final StringWriter errors = new StringWriter();
        final int exit = run(output, errors, "--work-dir", work.toString());

        assertThat(exit).as(errors.toString()).isZero();
        assertThat(output.toString())
            .contains("machine: ", "input: 3,000 events over 1,000 open cases")
            .contains("produced 3,000 events", "built: 3,000 events processed", "local state deleted")
            .containsPattern("restore until ready \\(RUNNING, every store restored\\): \\d+\\.\\d s")
            .contains("bench-restore-case-histories-store-changelog segment.bytes 16777216, min.cleanable.dirty.ratio 0.2, "
                + "cleanup.policy compact")
            .containsPattern("changelogs read: \\d+ topics, [1-9][\\d,]* records restored \\([\\d,]+ written")
            .containsPattern("heap after restore \\(after a GC, once the forecast has read its open cases back\\): -?[\\d,]+ MiB for the pipeline")
            .containsPattern("state on disk: [\\d,]+ MiB after building, [\\d,]+ MiB after the restore")
            .contains("case-histories-store")
            .containsPattern("CPU during the restore: \\d+\\.\\d s for the process .*; per record restored: process \\d+\\.\\d µs, "
                + "state updaters \\d+\\.\\d µs")
            .containsPattern("RUNNING at \\d+\\.\\d s .*; the forecast's open cases all read back \\(the heap above taken\\) at \\d+\\.\\d s");

        final StringWriter again = new StringWriter();
        final int reused = run(again, errors, "--work-dir", work.toString(), "--reuse");

        assertThat(reused).as(errors.toString()).isZero();
        assertThat(again.toString())
            .contains("reusing the state built in " + work, "local state deleted")
            .doesNotContain("produced 3,000 events")
            .containsPattern("restore until ready \\(RUNNING, every store restored\\): \\d+\\.\\d s")
            .containsPattern("changelogs read: \\d+ topics, [1-9][\\d,]* records restored");
    }

    private static int run(final StringWriter output, final StringWriter errors, final String... options) {
        final String[] arguments = new String[SIZE.length + options.length];
        System.arraycopy(SIZE, 0, arguments, 0, SIZE.length);
        System.arraycopy(options, 0, arguments, SIZE.length, options.length);
        return new CommandLine(new RestoreBenchmark()).setOut(new PrintWriter(output, true)).setErr(new PrintWriter(errors, true))
            .execute(arguments);
    }

    @Test
    void refusesMoreEventsThanACaseHistoryHolds() {
        final StringWriter errors = new StringWriter();
        final int exit = new CommandLine(new RestoreBenchmark()).setErr(new PrintWriter(errors, true))
            .execute("--events", "6500", "--cases", "100");
        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString()).contains("64 times --cases");
    }
}
