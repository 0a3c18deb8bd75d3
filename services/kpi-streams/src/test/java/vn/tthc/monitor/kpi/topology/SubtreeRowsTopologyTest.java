package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.report.KpiRow;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.topology.subtree.SubtreeTopology;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.testing.TestDirectories;

/** Subtree rows (EVENTS.md section 6) summed live by the production topology in a TopologyTestDriver. */
class SubtreeRowsTopologyTest {

    /** Three levels: the province with cases of its own and children, a district with children, leaves; a listed root alone. */
    private static final Map<String, String> PARENTS = Map.of(
        "TINH", "",
        "SO-A", "TINH",
        "HUYEN-B", "TINH",
        "XA-B1", "HUYEN-B",
        "XA-B2", "HUYEN-B",
        "PHONG-A1", "SO-A",
        "DOC-LAP", "");
    private static final List<String> UNLISTED = List.of("CHUA-KHAI-1", "CHUA-KHAI-2");
    private static final Organisation ORGANISATION = OrganisationFile.parse(organisationYaml());

    @Test
    void theBasicExampleWithItsOrganisationFileGivesItsExpectedReport() {
        final Organisation basic = OrganisationFile.read(ExampleFiles.example("basic.units.yaml"));
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        try (PipelineDriver pipeline = new PipelineDriver(targets, basic)) {
            pipeline.emitKpiRows();
            pipeline.sendAll(ExampleFiles.lines("basic.events.jsonl"));
            pipeline.spreadToSubtrees();
            assertThat(ReportComparison.differences(pipeline.report(), ExampleFiles.example("basic.report.units.json")))
                .isEmpty();
        }
    }

    @Test
    void aGeneratedStreamGivesTheSumsOfTheOwnRowsOfEachUnitAndItsDescendants() {
        final List<String> lines = generated(new Random(20261206), 3_000);
        final Map<KpiRowKey, KpiCounters> expectedOwn = ownRows(lines);
        final Map<KpiRowKey, KpiCounters> expectedSubtree = summedByHand(expectedOwn);
        try (PipelineDriver pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), ORGANISATION)) {
            pipeline.emitKpiRows();
            pipeline.sendAll(lines);
            assertThat(pipeline.rows()).isEqualTo(expectedOwn);
            assertThat(pipeline.subtreeRows()).as("not spread before the next interval").isNotEqualTo(expectedSubtree);
            pipeline.spreadToSubtrees();
            assertThat(expectedSubtree.keySet()).extracting(KpiRowKey::unitId)
                .containsOnly("TINH", "HUYEN-B", "SO-A");
            assertThat(pipeline.subtreeRows()).isEqualTo(expectedSubtree);
            // the units missing from the file still count in their own rows
            assertThat(pipeline.rows().keySet()).extracting(KpiRowKey::unitId).containsAll(UNLISTED);
        }
    }

    @Test
    void theOwnRowsCountedBeforeTheFirstSpreadAreSpreadWholeOnceAndNotAgain() {
        final List<String> lines = generated(new Random(11), 400);
        try (PipelineDriver pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), ORGANISATION)) {
            pipeline.sendAll(lines.subList(0, 300));
            assertThat(pipeline.subtreeRows()).as("nothing spread before the task's first punctuation").isEmpty();
            pipeline.emitKpiRows();
            pipeline.sendAll(lines.subList(300, lines.size()));
            pipeline.emitKpiRows();
            assertThat(pipeline.subtreeRows()).isEqualTo(summedByHand(ownRows(lines))).isNotEmpty();
        }
    }

    @Test
    void theChangesNotYetSpreadWhenATaskStopsAreSpreadWhenItStartsAgain() {
        final List<String> lines = generated(new Random(13), 400);
        final Path taskState = TestDirectories.fresh("subtree-rows").resolve("0_0");
        final Instant start = Instant.parse("2026-07-01T00:00:00Z");
        try (PipelineDriver stopped = PipelineDriver.onTaskState(Targets.sectionThreeDefaults(), start, ORGANISATION,
            VerdictSettings.DEFAULTS, taskState)) {
            stopped.spreadToSubtrees();
            stopped.sendAll(lines.subList(0, 200));
            stopped.spreadToSubtrees();
            assertThat(stopped.subtreeRows()).isEqualTo(summedByHand(ownRows(lines.subList(0, 200))));
            // counted and committed, in the own rows, but the task stops before its next spread: memory loses them
            stopped.sendAll(lines.subList(200, lines.size()));

            try (PipelineDriver pipeline = stopped.restartedAt(start.plusSeconds(60))) {
                assertThat(pipeline.rows()).isEqualTo(ownRows(lines));
                assertThat(pipeline.subtreeRows()).isEqualTo(summedByHand(ownRows(lines.subList(0, 200))));
                pipeline.spreadToSubtrees();
                assertThat(pipeline.subtreeRows()).isEqualTo(summedByHand(ownRows(lines)));
            }
        }
    }

    @Test
    void theSpreadBacklogIsPendingFromAChangeUntilThePunctuationAfterItsSpread() {
        final List<String> lines = generated(new Random(19), 50);
        try (PipelineDriver pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), ORGANISATION)) {
            assertThat(pipeline.subtreeSpreadPending()).as("the first start spreads all").isTrue();
            pipeline.spreadToSubtrees();
            pipeline.spreadToSubtrees();
            pipeline.spreadToSubtrees();
            assertThat(pipeline.subtreeSpreadPending()).isFalse();
            pipeline.sendAll(lines);
            assertThat(pipeline.subtreeSpreadPending()).as("changed").isTrue();
            pipeline.spreadToSubtrees();
            assertThat(pipeline.subtreeRows()).isEqualTo(summedByHand(ownRows(lines)));
            assertThat(pipeline.subtreeSpreadPending()).as("spread, a commit asked at the next punctuation").isTrue();
            pipeline.spreadToSubtrees();
            assertThat(pipeline.subtreeSpreadPending()).as("committed by the next one").isTrue();
            pipeline.spreadToSubtrees();
            assertThat(pipeline.subtreeSpreadPending()).isFalse();
        }
    }

    @Test
    void partsSpreadAgainChangeNothing() {
        final List<String> lines = generated(new Random(17), 300);
        final String parts = "pipeline-test-" + SubtreeTopology.SUBTREE_CHANGES + "-repartition";
        try (PipelineDriver pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), ORGANISATION)) {
            pipeline.spreadToSubtrees();
            pipeline.records(parts);
            pipeline.sendAll(lines);
            pipeline.spreadToSubtrees();
            final List<TestRecord<byte[], byte[]>> spread = pipeline.records(parts);
            final Map<KpiRowKey, KpiCounters> expected = summedByHand(ownRows(lines));
            assertThat(pipeline.subtreeRows()).isEqualTo(expected);
            final Map<String, KpiCounters> children = pipeline.subtreeChildren();
            assertThat(spread).isNotEmpty();
            pipeline.resend(parts, spread);
            pipeline.resend(parts, spread);
            assertThat(pipeline.subtreeRows()).isEqualTo(expected);
            assertThat(pipeline.subtreeChildren()).isEqualTo(children);
        }
    }

    @Test
    void theKpiRowsTopicCarriesTheSubtreeRowsUnderTheirOwnKeys() {
        final List<String> lines = generated(new Random(7), 500);
        try (PipelineDriver pipeline = new PipelineDriver(Targets.sectionThreeDefaults(), ORGANISATION)) {
            pipeline.emitKpiRows();
            pipeline.sendAll(lines);
            pipeline.spreadToSubtrees();
            pipeline.emitKpiRows();
            final Map<String, KpiRowStatus> topic = pipeline.kpiRowsTopic();
            topic.values().removeIf(Objects::isNull);
            final Map<KpiRowKey, KpiCounters> subtree = new HashMap<>();
            topic.forEach((key, row) -> {
                if (row.scope() == Scope.SUBTREE) {
                    assertThat(key).isEqualTo(KpiRowKeyFormat.withPart(KpiRowKeyFormat.format(row.key()), "subtree"));
                    subtree.put(row.key(), row.counters());
                }
            });
            assertThat(subtree).isEqualTo(pipeline.subtreeRows()).isNotEmpty();
        }
    }

    @Test
    void aSubtreeBreachIsRaisedWithTheChildrenThatDriveItAndResolvedWhenTheyRecover() {
        final Targets targets = TargetsFile.parse("units: {TINH: {minVolume: 4, onTimeRate: 0.9}}\n");
        try (PipelineDriver pipeline = new PipelineDriver(targets, ORGANISATION)) {
            pipeline.emitKpiRows();
            final Instant start = Instant.parse("2026-03-02T02:00:00Z");
            int n = 0;
            // TINH's own case on time; two late in XA-B1 and one late in PHONG-A1: 1 of 4 on time
            for (final String[] c : new String[][] {{"TINH", "0"}, {"XA-B1", "9"}, {"XA-B1", "9"}, {"PHONG-A1", "9"}}) {
                pipeline.sendAll(caseLines("c" + n++, c[0], start, Integer.parseInt(c[1])));
            }
            pipeline.spreadToSubtrees();
            final List<KpiAlert> raised = subtreeAlerts(pipeline.alerts(), "2026-03");
            assertThat(raised).singleElement().satisfies(alert -> {
                assertThat(alert.state()).isEqualTo(AlertState.RAISED);
                assertThat(alert.scope()).isEqualTo(Scope.SUBTREE);
                assertThat(alert.unitId()).isEqualTo("TINH");
                assertThat(alert.kpi()).isEqualTo("onTimeRate");
                assertThat(alert.key()).containsExactly("TINH", "*", "2026-03", "onTimeRate", "subtree");
                assertThat(alert.drivingChildren())
                    .containsExactly(new DrivingChild("HUYEN-B", 2), new DrivingChild("SO-A", 1));
            });
            // three more late under SO-A: it now drives the breach most, said at the next update
            for (int i = 0; i < 3; i++) {
                pipeline.sendAll(caseLines("late" + i, "PHONG-A1", start, 9));
            }
            pipeline.spreadToSubtrees();
            pipeline.updateAlerts();
            assertThat(subtreeAlerts(pipeline.alerts(), "2026-03")).last().satisfies(alert -> {
                assertThat(alert.state()).isEqualTo(AlertState.UPDATED);
                assertThat(alert.drivingChildren())
                    .containsExactly(new DrivingChild("SO-A", 4), new DrivingChild("HUYEN-B", 2));
            });
            for (int i = 0; i < 60; i++) {
                pipeline.sendAll(caseLines("ok" + i, "XA-B2", start, 0));
            }
            pipeline.spreadToSubtrees();
            assertThat(subtreeAlerts(pipeline.alerts(), "2026-03")).extracting(KpiAlert::state).contains(AlertState.RESOLVED);
        }
    }

    private static List<KpiAlert> subtreeAlerts(final List<KpiAlert> alerts, final String period) {
        return alerts.stream().filter(alert -> alert.scope() == Scope.SUBTREE && alert.period().equals(period)
            && alert.fieldId().equals("*") && alert.kpi().equals("onTimeRate")).toList();
    }

    /** The own rows as the contract's in-memory reference counts them, without Kafka. */
    private static Map<KpiRowKey, KpiCounters> ownRows(final List<String> lines) {
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        for (final KpiRow row : InMemoryKpis.report(lines, Targets.sectionThreeDefaults()).kpis()) {
            rows.put(row.key(), row.counters());
        }
        return rows;
    }

    /**
     * Section 6 by hand, from {@link #PARENTS} alone: each unit with a child gets, per field and period, the sum of
     * the own rows of every unit whose chain of parents passes through it (itself included).
     */
    private static Map<KpiRowKey, KpiCounters> summedByHand(final Map<KpiRowKey, KpiCounters> own) {
        final Map<KpiRowKey, KpiCounters> subtree = new HashMap<>();
        for (final String top : PARENTS.keySet()) {
            if (!PARENTS.containsValue(top)) {
                continue;
            }
            own.forEach((row, counters) -> {
                if (isUnder(row.unitId(), top)) {
                    subtree.merge(new KpiRowKey(top, row.fieldId(), row.period()), counters, KpiCounters::plus);
                }
            });
        }
        subtree.values().removeIf(KpiCounters::isZero);
        return subtree;
    }

    private static boolean isUnder(final String unit, final String top) {
        for (String up = unit; up != null && !up.isEmpty(); up = PARENTS.get(up)) {
            if (up.equals(top)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cases, surveys and feedback of the listed and unlisted units over the first half of 2026, in shuffled order,
     * with about one line in twenty sent twice (a duplicate counts once).
     */
    private static List<String> generated(final Random random, final int cases) {
        final List<String> units = new ArrayList<>(PARENTS.keySet());
        units.addAll(UNLISTED);
        Collections.sort(units);
        final List<String> lines = new ArrayList<>();
        final Instant start = Instant.parse("2026-01-01T01:00:00Z");
        for (int i = 0; i < cases; i++) {
            final String unit = units.get(random.nextInt(units.size()));
            final Instant received = start.plus(random.nextInt(180 * 24), ChronoUnit.HOURS);
            lines.addAll(caseLines("g" + i, unit, received, random.nextInt(8)));
            if (random.nextInt(4) == 0) {
                lines.add(String.format(Locale.ROOT, "{\"eventId\":\"s%d\",\"type\":\"survey.submitted\",\"occurredAt\":\"%s\","
                        + "\"unitId\":\"%s\",\"fieldId\":\"HO_TICH\",\"rating\":\"%s\"}", i,
                    received.plus(8, ChronoUnit.DAYS), unit, random.nextBoolean() ? "SATISFIED" : "DISSATISFIED"));
            }
            if (random.nextInt(10) == 0) {
                lines.add(String.format(Locale.ROOT, "{\"eventId\":\"f%d\",\"type\":\"feedback.received\",\"occurredAt\":\"%s\","
                    + "\"feedbackId\":\"F%d\",\"unitId\":\"%s\",\"dueAt\":\"%s\"}", i, received, i, unit,
                    received.plus(3, ChronoUnit.DAYS)));
                lines.add(String.format(Locale.ROOT, "{\"eventId\":\"fr%d\",\"type\":\"feedback.resolved\",\"occurredAt\":\"%s\","
                    + "\"feedbackId\":\"F%d\"}", i, received.plus(random.nextInt(6), ChronoUnit.DAYS), i));
            }
        }
        final List<String> withRepeats = new ArrayList<>(lines);
        for (final String line : lines) {
            if (random.nextInt(20) == 0) {
                withRepeats.add(line);
            }
        }
        Collections.shuffle(withRepeats, random);
        return withRepeats;
    }

    /** A case received at {@code received}, due five days later, resolved {@code days} days after reception. */
    private static List<String> caseLines(final String id, final String unit, final Instant received, final int days) {
        final String field = Math.floorMod(id.hashCode(), 3) == 0 ? "DAT_DAI" : "HO_TICH";
        return List.of(
            String.format(Locale.ROOT, "{\"eventId\":\"r-%s\",\"type\":\"case.received\",\"occurredAt\":\"%s\",\"caseId\":\"%s\","
                    + "\"unitId\":\"%s\",\"fieldId\":\"%s\",\"procedureId\":\"1.1\",\"channel\":\"%s\",\"onlineEligible\":true,"
                    + "\"dueAt\":\"%s\"}", id, received, id, unit, field, days % 2 == 0 ? "ONLINE" : "COUNTER",
                received.plus(5, ChronoUnit.DAYS)),
            String.format(Locale.ROOT, "{\"eventId\":\"d-%s\",\"type\":\"case.resolved\",\"occurredAt\":\"%s\",\"caseId\":\"%s\","
                + "\"result\":\"APPROVED\"}", id, received.plus(days, ChronoUnit.DAYS), id));
    }

    private static String organisationYaml() {
        final StringBuilder yaml = new StringBuilder("units:\n");
        PARENTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(unit -> yaml.append("  - {id: ")
            .append(unit.getKey()).append(", name: Đơn vị ").append(unit.getKey())
            .append(unit.getValue().isEmpty() ? "" : ", parent: " + unit.getValue()).append("}\n"));
        return yaml.toString();
    }
}
