package vn.tthc.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.testing.IsolatedTopics;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/** {@code tthc replay --units FILE.yaml}: the v2 report with the subtree rows of section 6; an invalid file exits 2. */
class ReplayUnitsIT {

    @Test
    void theBasicEventsWithTheirTargetsAndOrganisationFilesGiveTheUnitsReport() throws Exception {
        final Path report = TestDirectories.fresh("replay-units").resolve("report.json");
        final Run run = replay("--targets", ExampleFiles.example("basic.targets.yaml").toString(),
            "--units", ExampleFiles.example("basic.units.yaml").toString(), "--report", report.toString());
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(ReportComparison.differences(ContractJson.mapper().readTree(report.toFile()),
            ContractJson.mapper().readTree(ExampleFiles.example("basic.report.units.json").toFile()))).isEmpty();
    }

    @Test
    void anInvalidOrganisationFileExitsTwoWithTheReason() throws Exception {
        final Path units = Files.writeString(TestDirectories.fresh("replay-units").resolve("cycle.units.yaml"), """
            units:
              - {id: A, name: Đơn vị A, parent: B}
              - {id: B, name: Đơn vị B, parent: A}
            """);
        final Run run = replay("--units", units.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("replay: " + units + ": invalid organisation file: ").contains("cycle");
    }

    private static Run replay(final String... options) {
        final String id = "replay-units-it-" + UUID.randomUUID();
        final List<String> args = new ArrayList<>(List.of(ExampleFiles.example("basic.events.jsonl").toString(),
            "--bootstrap", TestKafkaCluster.bootstrapServers(), "--application-id", id,
            "--state-dir", TestDirectories.fresh("replay-units").toString()));
        args.addAll(List.of(options));
        IsolatedTopics.named(id).forEach((key, value) -> args.add("--property=" + key + "=" + value));
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final PrintStream original = System.err;
        final int status;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            status = new CommandLine(new ReplayCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setErr(original);
        }
        final String text = stderr.toString(StandardCharsets.UTF_8);
        original.print(text);
        return new Run(status, text);
    }

    private record Run(int status, String stderr) {
    }
}
