package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
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

        final List<Instant> times = Files.readAllLines(file).stream()
            .map(line -> ((ParseResult.Valid) EventParser.parse(line)).event().occurredAt()).toList();
        assertThat(exit).isZero();
        assertThat(times).hasSizeGreaterThan(50).isSorted().allSatisfy(time -> assertThat(time).isBefore(finished));
        assertThat(times.get(0)).isAfter(finished.minusSeconds(10));
    }

    @Test
    void refusesAnUnpacedLiveRunAndAFileWithoutEnd() {
        assertThat(run("--output", directory.resolve("a.jsonl").toString(), "--day-length", "60s", "--rate", "max",
            "--events", "10")).isEqualTo(2);
        assertThat(run("--output", directory.resolve("b.jsonl").toString())).isEqualTo(2);
        assertThat(Set.of(directory.toFile().list())).doesNotContain("b.jsonl");
    }

    private static int run(final String... args) {
        return SimulatorCommand.commandLine(new SimulatorCommand()).execute(args);
    }

    private static String oneUnitConfig() {
        return vn.tthc.monitor.simulator.testing.Configs.oneUnitFile().toString();
    }
}
