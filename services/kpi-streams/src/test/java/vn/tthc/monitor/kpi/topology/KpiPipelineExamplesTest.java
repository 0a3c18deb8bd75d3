package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.ReportComparison;

/** The contract's example files through the production topology in a TopologyTestDriver. */
class KpiPipelineExamplesTest {

    @Test
    void theBasicExampleGivesItsExpectedReport() {
        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.sendAll(ExampleFiles.lines("basic.events.jsonl"));
            assertThat(ReportComparison.differences(pipeline.report(), ExampleFiles.example("basic.report.json"))).isEmpty();
        }
    }

    @Test
    void theBasicExampleWithItsTargetsFileGivesItsExpectedBreaches() {
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        try (PipelineDriver pipeline = new PipelineDriver(targets)) {
            pipeline.sendAll(ExampleFiles.lines("basic.events.jsonl"));
            assertThat(ReportComparison.differences(pipeline.report(), ExampleFiles.example("basic.report.targets.json")))
                .isEmpty();
        }
    }

    @Test
    void theMixedExampleGivesItsExpectedReport() {
        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.sendAll(ExampleFiles.lines("mixed.events.jsonl"));
            assertThat(ReportComparison.differences(pipeline.report(), ExampleFiles.example("mixed.report.json"))).isEmpty();
        }
    }

    @Test
    void theBoundsExampleGivesItsExpectedReport() {
        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.sendAll(ExampleFiles.lines("bounds.events.jsonl"));
            assertThat(ReportComparison.differences(pipeline.report(), ExampleFiles.example("bounds.report.json"))).isEmpty();
        }
    }

    @Test
    void theMixedExampleInReverseAndShuffledOrderGivesTheSameCounters() {
        final List<String> reversed = new ArrayList<>(ExampleFiles.lines("mixed.events.jsonl"));
        Collections.reverse(reversed);
        final List<String> shuffled = new ArrayList<>(reversed);
        Collections.shuffle(shuffled, new Random(20261122));
        try (PipelineDriver inOrder = new PipelineDriver();
             PipelineDriver backwards = new PipelineDriver();
             PipelineDriver randomly = new PipelineDriver()) {
            inOrder.sendAll(ExampleFiles.lines("mixed.events.jsonl"));
            backwards.sendAll(reversed);
            randomly.sendAll(shuffled);
            assertThat(backwards.rows()).isEqualTo(inOrder.rows());
            assertThat(randomly.rows()).isEqualTo(inOrder.rows());
        }
    }

    @Test
    void theKpiRowsTopicEndsWithEveryRowOfTheStoreJudgedAgainstItsTargets() {
        try (PipelineDriver pipeline = new PipelineDriver()) {
            pipeline.emitKpiRows();
            final List<String> lines = ExampleFiles.lines("mixed.events.jsonl");
            pipeline.sendAll(lines.subList(0, 3000));
            pipeline.emitKpiRows();
            pipeline.sendAll(lines.subList(3000, lines.size()));
            pipeline.emitKpiRows();
            final var topicRows = pipeline.kpiRowsTopic();
            topicRows.values().removeIf(java.util.Objects::isNull);
            assertThat(topicRows.values()).extracting(KpiRowStatus::key)
                .containsExactlyInAnyOrderElementsOf(pipeline.rows().keySet());
            topicRows.values().forEach(row -> assertThat(row.counters()).isEqualTo(pipeline.rows().get(row.key())));
        }
    }
}
