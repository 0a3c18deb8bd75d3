package vn.tthc.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./tthc bench-restore} on a few events: it builds, loses and restores the state, and prints every figure. */
class RestoreBenchmarkIT {

    @Test
    void buildsLosesAndRestoresTheStateAndPrintsTheFigures() {
        final StringWriter output = new StringWriter();
        final StringWriter errors = new StringWriter();
        final int exit = new CommandLine(new RestoreBenchmark()).setOut(new PrintWriter(output, true)).setErr(new PrintWriter(errors, true))
            .execute("--events", "3000", "--cases", "1000", "--partitions", "2", "--threads", "1");

        assertThat(exit).as(errors.toString()).isZero();
        assertThat(output.toString())
            .contains("machine: ", "input: 3,000 events over 1,000 open cases")
            .contains("produced 3,000 events", "built: 3,000 events processed", "local state deleted")
            .containsPattern("restore until ready \\(RUNNING, every store restored\\): \\d+\\.\\d s")
            .contains("bench-restore-case-histories-store-changelog segment.bytes 16777216, min.cleanable.dirty.ratio 0.2, "
                + "cleanup.policy compact")
            .containsPattern("changelogs read: \\d+ topics, [1-9][\\d,]* records restored \\([\\d,]+ written")
            .containsPattern("heap after restore \\(after a GC\\): -?[\\d,]+ MiB for the pipeline")
            .containsPattern("state on disk: [\\d,]+ MiB after building, [\\d,]+ MiB after the restore")
            .contains("case-histories-store");
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
