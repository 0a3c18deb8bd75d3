package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.InMemoryKpis;

/**
 * Each rule of EVENTS.md section 2, as the basic example shows it one case per rule, through the
 * production topology: the case's events in their order, in the reverse order, and each delivered
 * twice give the same KPI rows as the rules applied in memory.
 */
class CaseRulesInAnyOrderTest {

    static Stream<Arguments> rules() {
        return Stream.of(
            Arguments.of("resolved two days before due: early", "\"C1\""),
            Arguments.of("resolved on the due day before the due time: on time", "\"C2\""),
            Arguments.of("resolved after due with an apology letter: late and extended", "\"C3\""),
            Arguments.of("paused without a new due time: due moves by the pause", "\"C4\""),
            Arguments.of("paused with a recomputed due time: the clock restarts", "\"C5\""),
            Arguments.of("resolved while a supplement request is open: judged at the request", "\"C6\""),
            Arguments.of("withdrawn, then a stray resolution: withdrawn only", "\"C7\""),
            Arguments.of("resolution first and twice, across a month boundary in UTC", "\"C8\""),
            Arguments.of("resolved twice: the earlier resolution counts", "\"C9\""),
            Arguments.of("still open: received only", "\"C10\""),
            Arguments.of("no reception: no KPI", "\"C11\""),
            Arguments.of("received at 20:00 UTC on March 31: April in Vietnam", "\"D1\""),
            Arguments.of("feedback resolved before, after its due time, and without reception", "\"feedbackId\""),
            Arguments.of("surveys with and without a field", "\"survey.submitted\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theCaseCountsTheSameInEveryArrivalOrder(final String rule, final String marker) {
        final List<String> lines = ExampleFiles.lines("basic.events.jsonl").stream().filter(line -> line.contains(marker))
            .toList();
        assertThat(lines).as(rule).isNotEmpty();
        final KpiReport expected = InMemoryKpis.report(lines, Targets.sectionThreeDefaults());
        final List<String> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        final List<String> twice = new ArrayList<>(lines);
        twice.addAll(reversed);
        for (final List<String> order : List.of(lines, reversed, twice)) {
            try (PipelineDriver pipeline = new PipelineDriver()) {
                pipeline.sendAll(order);
                assertThat(pipeline.report().kpis()).as(rule).isEqualTo(expected.kpis());
            }
        }
    }
}
