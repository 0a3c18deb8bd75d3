package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.ingest.client.testing.StubGateway;

class SimulatorCommandTest {

    @TempDir
    Path directory;

    @Test
    void theSameSeedWritesTheSameFileByteForByte() throws IOException {
        final Path first = directory.resolve("first.jsonl");
        final Path second = directory.resolve("second.jsonl");
        final Path otherSeed = directory.resolve("other-seed.jsonl");

        assertThat(run("--output", first.toString(), "--events", "5000", "--seed", "7")).isZero();
        assertThat(run("--output", second.toString(), "--events", "5000", "--seed", "7")).isZero();
        assertThat(run("--output", otherSeed.toString(), "--events", "5000", "--seed", "8")).isZero();

        assertThat(Files.readAllLines(first)).hasSize(5000);
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(first, otherSeed)).isNotEqualTo(-1L);
    }

    @Test
    void theSameSeedWritesTheSameReDeliveriesAndBrokenLines() throws IOException {
        final Path first = directory.resolve("first.jsonl");
        final Path second = directory.resolve("second.jsonl");
        final Path faultless = directory.resolve("faultless.jsonl");

        assertThat(run("--output", first.toString(), "--events", "20000", "--duplicates", "0.02", "--broken", "0.01")).isZero();
        assertThat(run("--output", second.toString(), "--events", "20000", "--duplicates", "0.02", "--broken", "0.01")).isZero();
        assertThat(run("--output", faultless.toString(), "--events", "20000")).isZero();

        final List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(20000);
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(lines.stream().filter(line -> EventParser.parse(line) instanceof ParseResult.Rejected).count())
            .isBetween(120L, 280L);
        final List<String> firstDeliveries = lines.stream()
            .filter(line -> EventParser.parse(line) instanceof ParseResult.Valid).distinct().toList();
        assertThat(firstDeliveries).isEqualTo(Files.readAllLines(faultless, StandardCharsets.UTF_8).subList(0, firstDeliveries.size()));
    }

    @Test
    void theWrittenFileIsValidJsonLinesForReplay() throws IOException {
        final Path file = directory.resolve("events.jsonl");

        assertThat(run("--output", file.toString(), "--events", "3000", "--config", oneUnitConfig())).isZero();

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3000)
            .allSatisfy(line -> assertThat(EventParser.parse(line)).isInstanceOf(ParseResult.Valid.class));
    }

    @Test
    void sendsThroughTheGatewayInBatchesWithTheKeyFromTheEnvironment() {
        try (StubGateway gateway = new StubGateway()) {
            final SimulatorCommand command = new SimulatorCommand();
            command.environment = Map.of("SIM_KEY", "key-of-the-province")::get;

            final int exit = SimulatorCommand.commandLine(command).execute("--gateway", gateway.uri().toString(),
                "--api-key-env", "SIM_KEY", "--events", "1200", "--batch-size", "500");

            assertThat(exit).isZero();
            assertThat(gateway.requests()).extracting(request -> request.body().size()).containsExactly(500, 500, 200);
            assertThat(gateway.requests()).allSatisfy(request ->
                assertThat(request.authorization()).isEqualTo("Bearer key-of-the-province"));
        }
    }

    @Test
    void sendsReDeliveriesThroughTheGatewayButRefusesBrokenLines() {
        try (StubGateway gateway = new StubGateway()) {
            final SimulatorCommand command = new SimulatorCommand();
            command.environment = Map.of("TTHC_API_KEY", "key-of-the-province")::get;
            final SimulatorCommand broken = new SimulatorCommand();
            broken.environment = command.environment;

            assertThat(SimulatorCommand.commandLine(command).execute("--gateway", gateway.uri().toString(), "--events", "1000",
                "--duplicates", "0.1")).isZero();
            final List<String> sent = gateway.requests().stream()
                .flatMap(request -> StreamSupport.stream(request.body().spliterator(), false))
                .map(event -> event.get("eventId").asText()).toList();
            assertThat(sent).hasSize(1000);
            assertThat(sent.stream().distinct().count()).isBetween(860L, 940L);

            assertThat(SimulatorCommand.commandLine(broken).execute("--gateway", gateway.uri().toString(), "--events", "10",
                "--broken", "0.01")).isEqualTo(2);
            assertThat(gateway.requests()).hasSize(2);
        }
    }

    @Test
    void refusesToRunWithoutTheApiKey() {
        try (StubGateway gateway = new StubGateway()) {
            final SimulatorCommand command = new SimulatorCommand();
            command.environment = Map.<String, String>of()::get;

            assertThat(SimulatorCommand.commandLine(command).execute("--gateway", gateway.uri().toString(), "--events", "10")).isEqualTo(2);
            assertThat(gateway.requests()).isEmpty();
        }
    }

    @Test
    void stopsWithExitCodeOneWhenTheGatewayRefusesTheKey() {
        try (StubGateway gateway = new StubGateway()) {
            gateway.then(StubGateway.Reply.problem(401, "Unauthorized", Map.of()));
            final SimulatorCommand command = new SimulatorCommand();
            command.environment = Map.of("TTHC_API_KEY", "revoked-key")::get;

            assertThat(SimulatorCommand.commandLine(command).execute("--gateway", gateway.uri().toString(), "--events", "10"))
                .isEqualTo(1);
            assertThat(gateway.requests()).hasSize(1);
        }
    }

    @Test
    void liveRunsNeverSendAnEventBeforeItsTime() throws IOException {
        final Path file = directory.resolve("live.jsonl");

        final int exit = run("--output", file.toString(), "--day-length", "60s", "--rate", "300", "--duration", "3s",
            "--start", "2026-03-02T09:00:00+07:00");
        final Instant finished = Instant.now();

        final List<Instant> times = events(file).stream().map(Event::occurredAt).toList();
        assertThat(exit).isZero();
        assertThat(times).hasSizeGreaterThan(50).isSorted().allSatisfy(time -> assertThat(time).isBefore(finished));
        assertThat(times.get(0)).isAfter(finished.minusSeconds(10));
    }

    @Test
    void noCaseIsReceivedOnADayOffOfTheProvincesCalendarOverride() throws IOException {
        final Path override = Files.writeString(directory.resolve("override.yaml"), """
            name: Tỉnh thử
            daysOff:
              - {date: 2026-03-02, reason: "Ngày nghỉ của tỉnh"}
            """);
        final Path national = directory.resolve("national.jsonl");
        final Path byOption = directory.resolve("by-option.jsonl");
        final Path byEnvironment = directory.resolve("by-environment.jsonl");

        assertThat(run("--output", national.toString(), "--events", "200")).isZero();
        assertThat(run("--output", byOption.toString(), "--events", "200", "--calendar-override", override.toString())).isZero();
        assertThat(run(Map.of("TTHC_CALENDAR_OVERRIDE", override.toString()), "--output", byEnvironment.toString(), "--events", "200"))
            .isZero();

        assertThat(firstReceptionDay(national)).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(firstReceptionDay(byOption)).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(Files.mismatch(byOption, byEnvironment)).isEqualTo(-1L);
    }

    @Test
    void aBadCalendarOverrideStopsTheRun() throws IOException {
        final Path override = Files.writeString(directory.resolve("override.yaml"), "name: Tỉnh thử\nholidays: [2026-03-02]\n");
        final Path file = directory.resolve("events.jsonl");

        assertThat(run("--output", file.toString(), "--events", "10", "--calendar-override", override.toString())).isEqualTo(1);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void refusesAnUnpacedLiveRunAFileWithoutEndAndFaultsWithoutEvents() {
        assertThat(run("--output", directory.resolve("a.jsonl").toString(), "--day-length", "60s", "--rate", "max",
            "--events", "10")).isEqualTo(2);
        assertThat(run("--output", directory.resolve("b.jsonl").toString())).isEqualTo(2);
        assertThat(run("--output", directory.resolve("c.jsonl").toString(), "--events", "10", "--duplicates", "0.5",
            "--broken", "0.5")).isEqualTo(2);
        assertThat(Set.of(directory.toFile().list())).doesNotContain("b.jsonl", "c.jsonl");
    }

    private static int run(final String... args) {
        return run(Map.of(), args);
    }

    private static int run(final Map<String, String> environment, final String... args) {
        final SimulatorCommand command = new SimulatorCommand();
        command.environment = environment::get;
        return SimulatorCommand.commandLine(command).execute(args);
    }

    private static List<Event> events(final Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> ((ParseResult.Valid) EventParser.parse(line)).event()).toList();
    }

    private static LocalDate firstReceptionDay(final Path file) throws IOException {
        return events(file).stream().filter(CaseReceived.class::isInstance).map(e -> VietnamTime.localDate(e.occurredAt()))
            .findFirst().orElseThrow();
    }

    private static String oneUnitConfig() {
        return vn.tthc.monitor.simulator.testing.Configs.oneUnitFile().toString();
    }
}
