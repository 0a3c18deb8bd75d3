package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.report.Breach;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.report.KpiRow;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.duplicates.CrossKeyDuplicateTopology;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.kpi.topology.subtree.SpreadBacklog;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;
import vn.tthc.monitor.testing.TestKafkaCluster;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;

/**
 * kpi-streams killed (SIGKILL, no clean shutdown) in the middle of a replay and started again on the same state
 * directory: the final report is the same as without the crash, nothing counted twice, the KPI rows topic converges to
 * the same rows, the breach alerts left open are the report's breaches, no alert is raised twice without a resolution
 * in between, and every verdict is given once. Alerts raised before the kill (a breach, a forecast) are resolved after
 * it, and events repeated under another key after the kill are found by the ids seen before it. With an organisation
 * file the subtree rows, their alerts and verdicts too, and a second kill while idle (docs/FAILURES.md, "Tests").
 */
class RestartMidReplayIT {

    private static final long EVENTS = 100_000;
    /** How many KPI changes the rows stage has committed at least when the service is killed (about 67,000 in all). */
    private static final long ROWS_INPUT_COMMITTED = 5_000;
    /** A unit of none of the sample's sources, in breach before the kill and no longer after it. */
    private static final String ALERT_UNIT = "UBND-P-KIEM-THU";
    /** Another, whose forecast of today's periods is below target before the kill and no longer after it. */
    private static final String FORECAST_UNIT = "UBND-P-DU-BAO";
    /**
     * Three levels over the sample's units: the city, a group of its wards without cases of its own, the wards and
     * two departments; the third department is not in the file (its own rows only).
     */
    private static final String UNITS = """
        units:
          - {id: UBND-TP-HCM, name: Ủy ban nhân dân Thành phố}
          - {id: KHOI-PHUONG, name: Khối phường, parent: UBND-TP-HCM}
          - {id: UBND-P-VTS, name: Phường Võ Thị Sáu, parent: KHOI-PHUONG}
          - {id: UBND-P-BAN-CO, name: Phường Bàn Cờ, parent: KHOI-PHUONG}
          - {id: UBND-P-XUAN-HOA, name: Phường Xuân Hòa, parent: KHOI-PHUONG}
          - {id: SO-TNMT, name: Sở Tài nguyên và Môi trường, parent: UBND-TP-HCM}
          - {id: SO-TU-PHAP, name: Sở Tư pháp, parent: UBND-TP-HCM}
        """;

    @Test
    void aKillMidReplayAndARestartGiveTheSameReport() throws Exception {
        final String run = "restart-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("restart");
        final RunningService.Sample sample = RunningService.Sample.write(stateDir, EVENTS, 7);
        final int half = sample.lines().size() / 2;
        // before the kill: a unit in breach, another at risk, and the first half; after it, the second half, the
        // surveys of the first 5,000 lines again under another unit (repeats that only the ids seen before the kill can
        // find: the kill waits until the cross-key check has taken in twice as many events), the survey that resolves
        // the breach, and one of the two open cases withdrawn
        final String today = LocalDate.now(VietnamTime.ZONE).toString();
        final List<String> beforeKill = new ArrayList<>(alertUnitSurveys(24));
        beforeKill.addAll(forecastUnitCases(today));
        beforeKill.addAll(sample.lines().subList(0, half));
        final List<String> afterKill = new ArrayList<>(sample.lines().subList(half, sample.lines().size()));
        afterKill.addAll(surveysUnderAnotherUnit(sample.lines().subList(0, half / 10)));
        afterKill.add(survey("alert-unit-25", "SATISFIED"));
        afterKill.add(caseEvent("forecast-31-withdrawn", "case.withdrawn", today, "00:00:40", 31, ""));
        final List<String> all = new ArrayList<>(beforeKill);
        all.addAll(afterKill);
        final KpiReport expected = new RunningService.Sample(sample.file(), all).expected();
        assertThat(expected.breaches()).as("the alert unit is in no breach at the end")
            .noneMatch(breach -> breach.unitId().equals(ALERT_UNIT));
        assertThat(new RunningService.Sample(sample.file(), beforeKill).expected().breaches())
            .as("the alert unit in breach before the kill, month to year, HO_TICH and *")
            .filteredOn(breach -> breach.unitId().equals(ALERT_UNIT)).hasSize(8);

        killMidReplayAndRestart(run, stateDir, beforeKill, afterKill, RunningService.properties(run, stateDir), expected,
            Map.of(run + "-kpi-changes-by-unit-repartition", ROWS_INPUT_COMMITTED,
                run + "-" + CrossKeyDuplicateTopology.EVENTS_BY_ID + "-repartition", (long) half / 5),
            // their eight alerts each committed before the kill
            () -> {
                assertThat(openBreaches(run)).as("open breach alerts")
                    .filteredOn(breach -> breach.unitId().equals(ALERT_UNIT)).hasSize(8);
                assertThat(openForecastAlerts(run, FORECAST_UNIT)).as("open AT_RISK alerts").hasSize(8);
            },
            false,
            // still at risk, by the open case the forecast stage kept across the kill
            () -> assertThat(openForecastAlerts(run, FORECAST_UNIT)).hasSize(8).allSatisfy(alert -> {
                assertThat(alert.forecast()).isEqualTo(30.0 / 31);
                assertThat(alert.drivingCases()).extracting(DrivingCase::caseId).containsExactly("FC-32");
            }));
    }

    @Test
    void withAnOrganisationFileTheSubtreeRowsComeOutTheSameToo() throws Exception {
        final String run = "restart-units-it-" + UUID.randomUUID();
        final Path stateDir = TestDirectories.fresh("restart-units");
        final RunningService.Sample sample = RunningService.Sample.write(stateDir, EVENTS, 11);
        final Path units = Files.writeString(stateDir.resolve("units.yaml"), UNITS);
        final Map<String, Object> properties = RunningService.properties(run, stateDir);
        properties.put("tthc.units.file", units.toString());
        final KpiReport expected = sample.expected(OrganisationFile.read(units));
        assertThat(expected.kpis()).as("the expected report has subtree rows")
            .anyMatch(row -> row.scope() == Scope.SUBTREE && row.key().unitId().equals("KHOI-PHUONG"));

        // killed once some parts of the own rows have been summed into the subtree rows too (one record per unit,
        // subtree and interval: a few hundred in all), and killed again once idle
        final int half = sample.lines().size() / 2;
        killMidReplayAndRestart(run, stateDir, sample.lines().subList(0, half),
            sample.lines().subList(half, sample.lines().size()), properties, expected,
            Map.of(run + "-kpi-changes-by-unit-repartition", ROWS_INPUT_COMMITTED, run + "-subtree-changes-by-unit-repartition", 1L),
            () -> { }, true, () -> { });
    }

    /**
     * Replays {@code beforeKill} into a service process and kills it once a tenth of all the events are committed,
     * of each topic of {@code stageInputs} at least as many records as it maps to, and {@code alsoBeforeKill} passes;
     * sends {@code afterKill}, starts the service again, compares its report once every event is processed, then
     * asserts that its output topics have converged to it, and {@code alsoAtTheEnd}, again and again for up to a
     * minute, while the service still runs. With {@code killAgainOnceIdle}, the restarted service is a process too, killed again once every
     * event is processed and its output topics have converged, and started a third time with no event to process:
     * what its last emits wrote (the subtree rows, the organisation they were built over) must survive that too.
     * A stage's input must be committed before the kill: killed as soon as the intake had committed a tenth, the
     * service had not summed a row yet, and a rows store that lost its committed writes passed (docs/BENCHMARKS.md,
     * "The own rows held until the commit"). The events after the kill are what reads the stores written before it:
     * the intake reads a whole file long before the rows stage has committed enough (docs/FAILURES.md, "Tests", for
     * the stores whose loss this test catches).
     */
    private static void killMidReplayAndRestart(final String run, final Path stateDir, final List<String> beforeKill,
                                                final List<String> afterKill, final Map<String, Object> properties,
                                                final KpiReport expected, final Map<String, Long> stageInputs,
                                                final ThrowingRunnable alsoBeforeKill, final boolean killAgainOnceIdle,
                                                final ThrowingRunnable alsoAtTheEnd)
        throws Exception {
        // the killed instance holds its partitions until its session expires: keep that short
        properties.put("kafka.streams.default.consumer.session.timeout.ms", "10000");
        // verdicts checked every second rather than every minute: they follow the rows within seconds
        properties.put("tthc.verdicts.check-interval", "1s");
        final long events = beforeKill.size() + afterKill.size();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()));
             EventFileProducer producer = new EventFileProducer(TestKafkaCluster.bootstrapServers(), run + "-events")) {
            final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, run, run + "-events");
            final Process first = startServiceProcess(properties, stateDir.resolve("first.log"));
            try {
                // once the instance has joined its group, it has created its topics and they take writes
                await().atMost(Duration.ofSeconds(60)).until(() -> hasMembers(admin, run));
                producer.produce(Files.write(stateDir.resolve("events-before-kill.jsonl"), beforeKill));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    assertThat(progress.snapshot().eventsCommitted()).as("events committed").isGreaterThan(events / 10);
                    for (final Map.Entry<String, Long> topic : stageInputs.entrySet()) {
                        assertThat(RunningService.committed(admin, run, topic.getKey()))
                            .as("%s committed", topic.getKey())
                            .isGreaterThanOrEqualTo(topic.getValue());
                    }
                    alsoBeforeKill.run();
                });
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(progress.snapshot().isDone()).as("killed before the end of the replay").isFalse();
            producer.produce(Files.write(stateDir.resolve("events-after-kill.jsonl"), afterKill));

            if (killAgainOnceIdle) {
                final Process second = startServiceProcess(properties, stateDir.resolve("second.log"));
                try {
                    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        assertThat(progress.snapshot().isDone()).isTrue();
                        assertOutputsAreTheReport(run, expected);
                    });
                } finally {
                    second.destroyForcibly().waitFor();
                }
            }
            final Map<TopicPartition, Long> rowsBeforeStart = RunningService.committedEnds(run + "-kpi-rows");
            final long subtreeRows = expected.kpis().stream().filter(row -> row.scope() == Scope.SUBTREE).count();
            try (ApplicationContext last = ApplicationContext.run(properties)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.snapshot().isDone());
                // a started service writes all its rows to the topic at its first emit (the only records of a start
                // with nothing to process), after checking the organisation its subtree rows were built over (another
                // one empties them)
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> RunningService.countSince(run + "-kpi-rows", rowsBeforeStart,
                        key -> key.endsWith(",\"" + Scope.SUBTREE.wireName() + "\"]")) >= subtreeRows);
                // as the replay waits: the subtree rows follow the own rows by up to an emit interval
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> SpreadBacklog.isEmpty(last.getBean(KafkaStreams.class)));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.snapshot().isDone());
                final QueryResult<KpiReport> report = last.getBean(KpiQueryService.class).report();
                assertThat(report).isInstanceOf(QueryResult.Found.class);
                assertThat(((QueryResult.Found<KpiReport>) report).value()).isEqualTo(expected);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertOutputsAreTheReport(run, expected);
                    alsoAtTheEnd.run();
                });
            }
        }
    }

    /**
     * The rows topic, own and subtree rows, holds the report's rows (its last changed rows are written once per emit
     * interval), and the breach alerts left open are the report's breaches.
     */
    private static void assertOutputsAreTheReport(final String run, final KpiReport expected) {
        final var rowStatus = JacksonSerde.json(KpiRowStatus.class).deserializer();
        final Map<String, KpiCounters> expectedRows = new HashMap<>();
        expected.kpis().forEach(row -> expectedRows.put(row.scope() == Scope.SUBTREE
            ? KpiRowKeyFormat.withPart(KpiRowKeyFormat.format(row.key()), Scope.SUBTREE.wireName())
            : KpiRowKeyFormat.format(row.key()), row.counters()));
        assertThat(RunningService.latest(run + "-kpi-rows", key -> key,
            value -> rowStatus.deserialize(run + "-kpi-rows", value).counters())).isEqualTo(expectedRows);
        assertOpenAlertsAreTheBreaches(run, expected);
        assertAlertsRaisedOnceUntilResolved(run);
        assertVerdictsGivenOnce(run, expected);
    }

    /**
     * The alert history topic: each alert (breach or forecast) is raised, updated while open and resolved, and raised
     * again only after it was resolved. A tracker that lost its open alerts in a restart raises them a second time
     * (and mails them again) without a resolution in between.
     */
    private static void assertAlertsRaisedOnceUntilResolved(final String run) {
        final var alert = JacksonSerde.json(KpiAlert.class).deserializer();
        final Map<List<String>, List<AlertState>> states = new HashMap<>();
        RunningService.values(run + "-alert-history", value -> alert.deserialize(run + "-alert-history", value))
            .forEach(each -> states.computeIfAbsent(each.key(), key -> new ArrayList<>()).add(each.state()));
        assertThat(states).as("alerts in the history").isNotEmpty();
        states.forEach((key, history) -> {
            boolean open = false;
            for (final AlertState state : history) {
                assertThat(state == AlertState.RAISED).as("%s, states %s", key, history).isEqualTo(!open);
                open = state != AlertState.RESOLVED;
            }
        });
    }

    /**
     * The verdicts topic: one verdict (revision 0) for every (unit, period, scope) of the report whose period is past
     * its cut-off, none for a period not ended, and its corrections numbered 1, 2, … without a gap or a repeat (a
     * verdict store that lost its committed writes gives a verdict twice); the last revision's objectives have the
     * rows' final figures, and the objectives not met are the report's breaches.
     */
    private static void assertVerdictsGivenOnce(final String run, final KpiReport expected) {
        final var verdict = JacksonSerde.json(PeriodVerdict.class).deserializer();
        final Map<List<String>, List<PeriodVerdict>> revisions = RunningService.values(run + "-kpi-verdicts",
                value -> verdict.deserialize(run + "-kpi-verdicts", value)).stream()
            .collect(Collectors.groupingBy(PeriodVerdict::key));
        final Instant now = Instant.now();
        final Map<List<String>, List<KpiRow>> rows = expected.kpis().stream().collect(Collectors.groupingBy(
            row -> List.of(row.key().unitId(), row.key().period(), row.scope().wireName())));
        assertThat(revisions.keySet()).as("verdicts only on ended periods")
            .allMatch(key -> Period.parse(key.get(1)).hasEndedAt(now) && rows.containsKey(key));
        rows.keySet().stream()
            .filter(key -> VerdictSettings.DEFAULTS.cutOff(Period.parse(key.get(1))).isBefore(now))
            .forEach(key -> assertThat(revisions).as("a verdict on %s", key).containsKey(key));
        revisions.forEach((key, given) -> {
            assertThat(given).extracting(PeriodVerdict::revision).as("the revisions of %s", key)
                .isEqualTo(IntStream.range(0, given.size()).boxed().toList());
            final Map<String, KpiCounters> counters = rows.get(key).stream()
                .collect(Collectors.toMap(row -> row.key().fieldId(), KpiRow::counters));
            final PeriodVerdict last = given.get(given.size() - 1);
            for (final ObjectiveVerdict objective : last.objectives()) {
                final KpiCounters row = counters.get(objective.fieldId());
                assertThat(row).as("a row of %s for %s", key, objective).isNotNull();
                assertThat(objective.volume()).as("%s of %s", objective, key).isEqualTo(objective.kpi().volume(row));
                assertThat(objective.value()).as("%s of %s", objective, key).isEqualTo(objective.kpi().value(row));
            }
            assertThat(last.objectives(Verdict.NOT_MET).stream()
                .map(objective -> objective.fieldId() + " " + objective.kpi()))
                .as("the objectives of %s not met", key)
                .containsExactlyInAnyOrderElementsOf(expected.breaches().stream()
                    .filter(breach -> List.of(breach.unitId(), breach.period(), breach.scope().wireName()).equals(key))
                    .map(breach -> breach.fieldId() + " " + Kpi.fromId(breach.kpi())).toList());
        });
    }

    /**
     * The alerts topic, while the service still runs: the breach alerts left open are the report's breaches, with the
     * figures of the rows' final counters (an alert still in breach is updated once per update interval). An alerts
     * store that lost an open alert would leave it open on the topic once its row recovered.
     */
    private static void assertOpenAlertsAreTheBreaches(final String run, final KpiReport expected) {
        assertThat(expected.breaches()).as("the sample breaches some targets").isNotEmpty();
        assertThat(openBreaches(run)).isEqualTo(Set.copyOf(expected.breaches()));
    }

    /** The breach alerts of the run's alerts topic whose latest record is not RESOLVED, as breaches. */
    private static Set<Breach> openBreaches(final String run) {
        final var alert = JacksonSerde.json(KpiAlert.class).deserializer();
        return RunningService.latest(run + "-alerts", key -> key,
                value -> alert.deserialize(run + "-alerts", value)).values().stream()
            .filter(latest -> latest.kind() == AlertKind.BREACH && latest.state() != AlertState.RESOLVED)
            .map(latest -> new Breach(latest.unitId(), latest.fieldId(), latest.period(), latest.scope(), latest.kpi(),
                latest.value(), latest.target(), latest.volume()))
            .collect(Collectors.toSet());
    }

    /** The AT_RISK alerts of {@code unitId} that the run's alerts topic leaves open. */
    private static List<KpiAlert> openForecastAlerts(final String run, final String unitId) {
        final var alert = JacksonSerde.json(KpiAlert.class).deserializer();
        return RunningService.latest(run + "-alerts", key -> key,
                value -> alert.deserialize(run + "-alerts", value)).values().stream()
            .filter(latest -> latest.kind() == AlertKind.AT_RISK && latest.state() != AlertState.RESOLVED
                && latest.unitId().equals(unitId))
            .toList();
    }

    /** An event of case {@code FC-<number>} of {@link #FORECAST_UNIT}, at {@code time} on {@code date}, local time. */
    private static String caseEvent(final String eventId, final String type, final String date, final String time,
                                    final int number, final String fields) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + date + "T" + time
            + "+07:00\",\"caseId\":\"FC-" + number + "\"" + fields + "}";
    }

    /** {@code count} surveys of {@link #ALERT_UNIT}, the last one dissatisfied: 23 of 24 is 0.958, below 0.96. */
    private static List<String> alertUnitSurveys(final int count) {
        final List<String> surveys = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            surveys.add(survey("alert-unit-" + i, "SATISFIED"));
        }
        surveys.add(survey("alert-unit-" + count, "DISSATISFIED"));
        return surveys;
    }

    /**
     * 32 cases of {@link #FORECAST_UNIT} received at 00:00:10 on {@code date}: 30 resolved on time, 2 open and due at
     * 00:00:30. The forecast of its HO_TICH and * rows of the current month, quarter, half-year and year is 30/32,
     * against 0.98, while their on-time rate is 1: eight AT_RISK alerts (from 30 seconds after midnight on).
     */
    private static List<String> forecastUnitCases(final String date) {
        final List<String> events = new ArrayList<>();
        for (int i = 1; i <= 32; i++) {
            events.add(caseEvent("forecast-" + i + "-received", "case.received", date, "00:00:10", i,
                ",\"unitId\":\"" + FORECAST_UNIT + "\",\"fieldId\":\"HO_TICH\",\"procedureId\":\"1.004227\","
                    + "\"channel\":\"ONLINE\",\"onlineEligible\":true,\"dueAt\":\"" + date
                    + (i <= 30 ? "T23:00:00+07:00\"" : "T00:00:30+07:00\"")));
        }
        for (int i = 1; i <= 30; i++) {
            events.add(caseEvent("forecast-" + i + "-resolved", "case.resolved", date, "00:00:20", i,
                ",\"result\":\"APPROVED\""));
        }
        return events;
    }

    /** A survey of {@link #ALERT_UNIT} in field HO_TICH on 10 March 2026. */
    private static String survey(final String eventId, final String rating) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"survey.submitted\","
            + "\"occurredAt\":\"2026-03-10T09:00:00+07:00\",\"unitId\":\"" + ALERT_UNIT + "\","
            + "\"fieldId\":\"HO_TICH\",\"rating\":\"" + rating + "\"}";
    }

    /**
     * The surveys of {@code lines} sent again under another unit of the sample, so under another key: repeats of
     * their {@code eventId}, which only the cross-key check finds (EVENTS.md, section 1).
     */
    private static List<String> surveysUnderAnotherUnit(final List<String> lines) throws Exception {
        final ObjectMapper json = new ObjectMapper();
        final List<ObjectNode> surveys = new ArrayList<>();
        for (final String line : lines) {
            try {
                final JsonNode event = json.readTree(line);
                if (event.path("type").asText().equals("survey.submitted")) {
                    surveys.add((ObjectNode) event);
                }
            } catch (final JsonProcessingException brokenLine) {
                // the sample's broken lines (SampleHistory) are no event to repeat
            }
        }
        final List<String> units = surveys.stream().map(survey -> survey.get("unitId").asText())
            .distinct().sorted().toList();
        assertThat(units).as("surveys of several units").hasSizeGreaterThan(1);
        final List<String> repeats = new ArrayList<>();
        for (final ObjectNode survey : surveys) {
            final int unit = units.indexOf(survey.get("unitId").asText());
            repeats.add(json.writeValueAsString(survey.put("unitId", units.get((unit + 1) % units.size()))));
        }
        assertThat(repeats).as("surveys repeated under another unit").hasSizeGreaterThan(100);
        return repeats;
    }

    private static boolean hasMembers(final Admin admin, final String group) {
        try {
            return !admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty();
        } catch (final Exception e) {
            return false;
        }
    }

    private static Process startServiceProcess(final Map<String, Object> properties, final Path log) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KpiStreamsApplication.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
