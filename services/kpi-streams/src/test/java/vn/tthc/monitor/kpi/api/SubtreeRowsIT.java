package vn.tthc.monitor.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Subtree rows in a running kpi-streams on a real broker: the shared example's report with its organisation file,
 * the query API by scope, the units the file misses, a restart with a changed file (the subtree rows follow the new
 * tree without the events being replayed), and an invalid file that stops the service with its reason.
 */
class SubtreeRowsIT {

    private static final int MANY_UNLISTED = 40;
    private static final Pattern UNIT_LABEL = Pattern.compile("[{,]unit=\"([^\"]*)\"");

    /** The basic example's file with the department moved under the city, and the ward left out. */
    private static final String MOVED = """
        units:
          - {id: UBND-TP, name: UBND thành phố}
          - {id: SO-TNMT, name: Sở Nông nghiệp và Môi trường, parent: UBND-TP}
        """;

    @Test
    void aRestartWithAChangedFileRebuildsTheSubtreeRowsFromTheOwnRows() throws Exception {
        final Path targetsFile = ExampleFiles.example("basic.targets.yaml");
        final Targets targets = TargetsFile.read(targetsFile);
        final Path moved = Files.writeString(TestDirectories.fresh("units").resolve("moved.units.yaml"), MOVED);
        final List<String> lines = ExampleFiles.lines("basic.events.jsonl");
        final RunningService before = new RunningService(Map.of("tthc.targets.file", targetsFile.toString(),
            "tthc.units.file", ExampleFiles.example("basic.units.yaml").toString()));
        try (before) {
            before.send(lines);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ReportComparison.differences(json(before.get("/api/v1/report")),
                    ContractJson.mapper().readTree(ExampleFiles.example("basic.report.units.json").toFile()))).isEmpty());

            final JsonNode subtree = json(before.get("/api/v1/units/UBND-TP/kpis?scope=subtree"));
            assertThat(subtree).isNotEmpty().allSatisfy(row -> assertThat(row.get("scope").asText()).isEqualTo("subtree"));
            assertThat(before.get("/api/v1/units/UBND-TP/kpis").statusCode()).as("the city has no case of its own")
                .isEqualTo(404);
            assertThat(json(before.get("/api/v1/units/UBND-P-VTS/kpis"))).allSatisfy(row ->
                assertThat(row.get("scope").asText()).isEqualTo("own"));
            assertThat(before.get("/api/v1/units/UBND-TP/kpis?scope=mine").statusCode()).isEqualTo(400);
            assertThat(json(before.get("/api/v1/units/unlisted"))).isEmpty();
        }

        try (RunningService after = RunningService.restartOf(before, Map.of("tthc.targets.file", targetsFile.toString(),
            "tthc.units.file", moved.toString()))) {
            final JsonNode expected = ContractJson.mapper().valueToTree(
                InMemoryKpis.report(lines, targets, OrganisationFile.parse(MOVED)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ReportComparison.differences(json(after.get("/api/v1/report")), expected)).isEmpty());
            // the ward is no longer listed: it keeps its own rows, counts in no subtree, and is listed as missing
            final JsonNode unlisted = json(after.get("/api/v1/units/unlisted"));
            assertThat(unlisted).hasSize(1);
            assertThat(unlisted.get(0).get("unitId").asText()).isEqualTo("UBND-P-VTS");
            assertThat(unlisted.get(0).get("rows").asLong()).isEqualTo(16);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(after.get("/prometheus").body())
                .contains("tthc_units_unlisted 1.0",
                    "tthc_unit_info{name=\"Sở Nông nghiệp và Môi trường\",parent=\"UBND-TP\",unit=\"SO-TNMT\"} 1",
                    "tthc_unit_info{name=\"UBND thành phố\",parent=\"\",unit=\"UBND-TP\"} 1")
                .containsPattern("tthc_kpi_ratio\\{.*scope=\"subtree\".*unit=\"UBND-TP\"")
                .containsPattern("tthc_kpi_ratio\\{.*unit=\"\\(unlisted\\)\"")
                .doesNotContain("unit=\"UBND-P-VTS\""));

            // many more units the file misses: the query API lists each, the metrics keep one unit label for them all
            final Instant now = Instant.now();
            final List<String> many = new ArrayList<>();
            for (int i = 0; i < MANY_UNLISTED; i++) {
                many.add("{\"eventId\":\"many-r-" + i + "\",\"type\":\"case.received\",\"occurredAt\":\""
                    + now.minusSeconds(2) + "\",\"caseId\":\"MANY-" + i + "\",\"unitId\":\"UNLISTED-" + i
                    + "\",\"fieldId\":\"HO_TICH\",\"procedureId\":\"1.1\",\"channel\":\"ONLINE\",\"onlineEligible\":true,"
                    + "\"dueAt\":\"" + now.plusSeconds(3600) + "\"}");
                many.add("{\"eventId\":\"many-s-" + i + "\",\"type\":\"case.resolved\",\"occurredAt\":\"" + now
                    + "\",\"caseId\":\"MANY-" + i + "\",\"result\":\"APPROVED\"}");
            }
            after.send(many);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(after.get("/api/v1/units/unlisted"))).hasSize(MANY_UNLISTED + 1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                final String metrics = after.get("/prometheus").body();
                assertThat(metrics).contains("tthc_units_unlisted " + (MANY_UNLISTED + 1) + ".0");
                assertThat(unitLabels(metrics)).containsExactlyInAnyOrder("UBND-TP", "SO-TNMT", "(unlisted)");
            });
        }
    }

    @Test
    void anInvalidOrganisationFileStopsTheServiceWithItsReason() throws Exception {
        final Path invalid = Files.writeString(TestDirectories.fresh("units").resolve("invalid.units.yaml"), """
            units:
              - {id: UBND-TP, name: UBND thành phố}
              - {id: SO-TNMT, name: Sở Nông nghiệp và Môi trường, parent: UBND-TINH}
            """);
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
            "kafka.bootstrap.servers", vn.tthc.monitor.testing.TestKafkaCluster.bootstrapServers(),
            "micronaut.server.port", -1,
            "kafka.streams.default.state.dir", TestDirectories.fresh("service").toString(),
            "tthc.units.file", invalid.toString())).close())
            .hasStackTraceContaining("invalid organisation file")
            .hasStackTraceContaining("UBND-TINH");
    }

    /** The values of the unit label on the tthc_ series of a scrape. */
    private static Set<String> unitLabels(final String metrics) {
        final Set<String> units = new HashSet<>();
        metrics.lines().filter(line -> line.startsWith("tthc_")).forEach(line -> {
            final Matcher matcher = UNIT_LABEL.matcher(line);
            if (matcher.find()) {
                units.add(matcher.group(1));
            }
        });
        return units;
    }

    private static JsonNode json(final HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }
}
