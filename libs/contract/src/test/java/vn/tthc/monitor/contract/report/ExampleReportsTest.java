package vn.tthc.monitor.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;

/** The rules in memory, on the contract's example files: the expected reports, exactly, the roll-up's included. */
class ExampleReportsTest {

    @Test
    void theBasicExampleGivesItsReportWithTheDefaultTargets() {
        final KpiReport report = InMemoryKpis.report(ExampleFiles.lines("basic.events.jsonl"), Targets.sectionThreeDefaults());
        assertThat(ReportComparison.differences(report, ExampleFiles.example("basic.report.json"))).isEmpty();
    }

    @Test
    void theBasicExampleGivesItsReportWithItsTargetsFile() {
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        final KpiReport report = InMemoryKpis.report(ExampleFiles.lines("basic.events.jsonl"), targets);
        assertThat(ReportComparison.differences(report, ExampleFiles.example("basic.report.targets.json"))).isEmpty();
    }

    @Test
    void theBasicExampleGivesItsRollUpReportWithItsTargetsAndOrganisationFiles() {
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        final Organisation organisation = OrganisationFile.read(ExampleFiles.example("basic.units.yaml"));
        final KpiReport report = InMemoryKpis.report(ExampleFiles.lines("basic.events.jsonl"), targets, organisation);
        assertThat(ReportComparison.differences(report, ExampleFiles.example("basic.report.units.json"))).isEmpty();
    }

    @Test
    void theMixedExampleGivesItsReport() {
        final KpiReport report = InMemoryKpis.report(ExampleFiles.lines("mixed.events.jsonl"), Targets.sectionThreeDefaults());
        assertThat(ReportComparison.differences(report, ExampleFiles.example("mixed.report.json"))).isEmpty();
    }

    @Test
    void theBoundsExampleGivesItsReport() {
        final KpiReport report = InMemoryKpis.report(ExampleFiles.lines("bounds.events.jsonl"), Targets.sectionThreeDefaults());
        assertThat(ReportComparison.differences(report, ExampleFiles.example("bounds.report.json"))).isEmpty();
    }

    @Test
    void everyRowAndBreachOfTheReportHasTheScopeOwn() {
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        final JsonNode report = ContractJson.mapper().valueToTree(
            InMemoryKpis.report(ExampleFiles.lines("basic.events.jsonl"), targets));

        assertThat(report.get("kpis")).isNotEmpty().allSatisfy(row -> assertThat(row.get("scope").textValue()).isEqualTo("own"));
        assertThat(report.get("breaches")).isNotEmpty()
            .allSatisfy(row -> assertThat(row.get("scope").textValue()).isEqualTo("own"));
    }

    @Test
    void theComparisonNoticesAChangedCounter() {
        final KpiReport report = InMemoryKpis.report(ExampleFiles.lines("basic.events.jsonl").subList(0, 10),
            Targets.sectionThreeDefaults());
        assertThat(ReportComparison.differences(report, ExampleFiles.example("basic.report.json"))).isNotEmpty();
    }
}
