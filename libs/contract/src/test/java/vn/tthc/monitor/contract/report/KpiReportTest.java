package vn.tthc.monitor.contract.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tthc.monitor.contract.testing.TestCounters.resolutions;
import static vn.tthc.monitor.contract.testing.TestEvents.assess;
import static vn.tthc.monitor.contract.testing.TestEvents.received;
import static vn.tthc.monitor.contract.testing.TestEvents.resolved;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;

/** EVENTS.md section 5: the rows with a counter that is not zero, their breaches, and the rejected count. */
class KpiReportTest {

    private static final KpiRowKey UNIT_MARCH = new KpiRowKey("U1", KpiRowKey.ALL_FIELDS, "2026-03");
    private static final KpiRowKey LAND_MARCH = new KpiRowKey("U1", "DAT_DAI", "2026-03");

    private static KpiReport report(final Map<KpiRowKey, KpiCounters> rows) {
        return KpiReport.of(rows, Targets.sectionThreeDefaults(), 0);
    }

    @Test
    void aRowWhoseCountersAreAllZeroIsLeftOut() {
        final KpiReport report = report(Map.of(UNIT_MARCH, resolutions(1, 0), LAND_MARCH, KpiCounters.ZERO));

        assertThat(report.kpis()).extracting(KpiRow::key).containsExactly(UNIT_MARCH);
    }

    @Test
    void oneCaseGivesRowsOfAllFourPeriodKinds() {
        final KpiContribution contribution = KpiContribution.of(assess(
            received("r1", vn("2026-03-02T08:00"), vn("2026-03-10T17:00")), resolved("s1", vn("2026-03-04T08:00"))));

        final KpiReport report = KpiReport.of(contribution.rows(), Targets.sectionThreeDefaults(), 0);

        assertThat(report.kpis()).extracting(row -> row.key().period())
            .containsOnly("2026-03", "2026-Q1", "2026-H1", "2026").hasSize(8);
    }

    @Test
    void aRowBelowTargetWithEnoughVolumeIsReportedAsABreach() {
        final KpiReport report = report(Map.of(UNIT_MARCH, resolutions(38, 2)));

        assertThat(report.breaches()).containsExactly(
            new Breach("U1", KpiRowKey.ALL_FIELDS, "2026-03", Scope.OWN, "onTimeRate", 0.95, 0.98, 40));
    }

    @Test
    void aRowBelowTargetWithTooLittleVolumeIsNotABreach() {
        assertThat(report(Map.of(UNIT_MARCH, resolutions(10, 9))).breaches()).isEmpty();
    }

    @Test
    void aLandRowIsJudgedAgainstTheLandTargetWithoutATargetsFile() {
        final KpiReport report = report(Map.of(LAND_MARCH, resolutions(24, 1), UNIT_MARCH, resolutions(24, 1)));

        assertThat(report.breaches()).extracting(Breach::fieldId, Breach::target)
            .containsExactly(tuple(KpiRowKey.ALL_FIELDS, 0.98));
    }

    @Test
    void subtreeRowsFollowTheOwnRowsAndAreJudgedByTheTargetsOfTheirUnit() {
        final Organisation organisation = OrganisationFile.parse("units:\n  - {id: TOP, name: Tỉnh}\n"
            + "  - {id: U1, name: Phường, parent: TOP}\n");
        final Targets targets = TargetsFile.parse("units: {TOP: {onTimeRate: 0.99}}");
        final KpiRowKey topMarch = new KpiRowKey("TOP", KpiRowKey.ALL_FIELDS, "2026-03");

        final KpiReport report = KpiReport.of(Map.of(UNIT_MARCH, resolutions(98, 2)), targets, organisation, 0);

        assertThat(report.kpis()).extracting(KpiRow::key, KpiRow::scope, KpiRow::counters)
            .containsExactly(tuple(UNIT_MARCH, Scope.OWN, resolutions(98, 2)), tuple(topMarch, Scope.SUBTREE, resolutions(98, 2)));
        assertThat(report.breaches()).containsExactly(
            new Breach("TOP", KpiRowKey.ALL_FIELDS, "2026-03", Scope.SUBTREE, "onTimeRate", 0.98, 0.99, 100));
    }

    @Test
    void theRejectedCountIsCarriedIntoTheReport() {
        assertThat(KpiReport.of(Map.of(), Targets.sectionThreeDefaults(), 3).rejected()).isEqualTo(3);
    }

    @Test
    void theJsonOfARowHasItsKeyAndAllFourteenCounters() {
        final JsonNode json = ContractJson.mapper().valueToTree(report(Map.of(UNIT_MARCH, resolutions(1, 0))));

        final JsonNode row = json.get("kpis").get(0);
        final List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("unitId", "fieldId", "period", "received", "receivedOnline", "onlineEligible",
            "onlineEligibleOnline", "resolved", "early", "onTime", "late", "extended", "withdrawn", "ratings",
            "satisfied", "feedbackResolved", "feedbackOnTime");
        assertThat(row.get("fieldId").asText()).isEqualTo("*");
        assertThat(row.get("onTime").asLong()).isEqualTo(1);
    }

    @Test
    void theJsonOfABreachHasItsKeyKpiValueTargetAndVolume() {
        final JsonNode json = ContractJson.mapper().valueToTree(report(Map.of(UNIT_MARCH, resolutions(38, 2))));

        final JsonNode breach = json.get("breaches").get(0);
        assertThat(breach.get("unitId").asText()).isEqualTo("U1");
        assertThat(breach.get("fieldId").asText()).isEqualTo("*");
        assertThat(breach.get("period").asText()).isEqualTo("2026-03");
        assertThat(breach.get("kpi").asText()).isEqualTo("onTimeRate");
        assertThat(breach.get("value").asDouble()).isEqualTo(0.95);
        assertThat(breach.get("target").asDouble()).isEqualTo(0.98);
        assertThat(breach.get("volume").asLong()).isEqualTo(40);
        assertThat(json.get("rejected").asLong()).isZero();
    }

    @Test
    void everyKpiOfARowInBreachIsListed() {
        final KpiCounters counters = resolutions(19, 1)
            .plus(new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 18, 20, 19));

        assertThat(report(Map.of(UNIT_MARCH, counters)).breaches()).extracting(Breach::kpi)
            .containsExactly("onTimeRate", "satisfactionRate", "feedbackOnTimeRate");
    }
}
