package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.testing.TestKafkaCluster;
import vn.tthc.monitor.testing.TestDirectories;

/** Each example file replayed through the real topology on a real broker gives exactly its expected report. */
class ReplayExamplesIT {

    @Test
    void basicEventsGiveTheBasicReport() throws Exception {
        assertThat(ReportComparison.differences(replay("basic.events.jsonl", null), ExampleFiles.example("basic.report.json")))
            .isEmpty();
    }

    @Test
    void basicEventsWithTheirTargetsFileGiveTheTargetsReport() throws Exception {
        final KpiReport report = replay("basic.events.jsonl", ExampleFiles.example("basic.targets.yaml"));
        assertThat(ReportComparison.differences(report, ExampleFiles.example("basic.report.targets.json"))).isEmpty();
    }

    @Test
    void boundsEventsGiveTheBoundsReport() throws Exception {
        assertThat(ReportComparison.differences(replay("bounds.events.jsonl", null), ExampleFiles.example("bounds.report.json")))
            .isEmpty();
    }

    @Test
    void mixedEventsGiveTheMixedReportAndProgressReachesTheEnd() throws Exception {
        final List<Replay.Progress> progress = new ArrayList<>();
        final KpiReport report = replay("mixed.events.jsonl", null, progress);
        assertThat(ReportComparison.differences(report, ExampleFiles.example("mixed.report.json"))).isEmpty();
        final Replay.Progress last = progress.get(progress.size() - 1);
        assertThat(last.produced()).isEqualTo(last.total()).isEqualTo(5806);
        assertThat(last.processed()).isEqualTo(last.eventsInTopic()).isEqualTo(5806);
    }

    private static KpiReport replay(final String example, final Path targets) throws Exception {
        return replay(example, targets, new ArrayList<>());
    }

    private static KpiReport replay(final String example, final Path targets, final List<Replay.Progress> progress)
        throws Exception {
        final String run = "replay-it-" + UUID.randomUUID();
        return Replay.run(new Replay.Options(ExampleFiles.example(example), targets, TestKafkaCluster.bootstrapServers(),
            run, TestDirectories.fresh("replay"), IsolatedTopics.named(run)), progress::add);
    }
}
