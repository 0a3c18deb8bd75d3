package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.testing.ExampleFiles;

/**
 * EVENTS.md section 4: every key optional; a KPI or {@code minVolume} that {@code defaults} leaves out
 * takes its section-3 value; {@code fields} and {@code units} come from the file alone; an invalid
 * file is an error that names the place.
 */
class TargetsFileTest {

    private static final KpiRowKey LAND_ROW = new KpiRowKey("UBND-P-VTS", "DAT_DAI", "2026-03");
    private static final KpiRowKey UNIT_ROW = new KpiRowKey("UBND-P-VTS", KpiRowKey.ALL_FIELDS, "2026-03");

    @Test
    void theExampleOfSectionFourSetsItsTargetsAtEachLevel() {
        final Targets targets = TargetsFile.parse("""
            defaults: {onTimeRate: 0.98, satisfactionRate: 0.96, onlineRate: 1.0, feedbackOnTimeRate: 1.0, minVolume: 20}
            fields:   {DAT_DAI: {onTimeRate: 0.96}}
            units:    {"UBND-P-VTS": {satisfactionRate: 0.91, fields: {DAT_DAI: {onTimeRate: 0.95}}}}
            """);

        assertThat(targets.target(Kpi.ON_TIME_RATE, LAND_ROW)).isEqualByComparingTo("0.95");
        assertThat(targets.target(Kpi.SATISFACTION_RATE, LAND_ROW)).isEqualByComparingTo("0.91");
        assertThat(targets.target(Kpi.ON_TIME_RATE, new KpiRowKey("SO-TNMT", "DAT_DAI", "2026-03")))
            .isEqualByComparingTo("0.96");
        assertThat(targets.target(Kpi.ON_TIME_RATE, UNIT_ROW)).isEqualByComparingTo("0.98");
    }

    @Test
    void aKpiThatTheDefaultsLeaveOutTakesItsSectionThreeValue() {
        final Targets targets = TargetsFile.parse("defaults: {onTimeRate: 0.90}");

        assertThat(targets.target(Kpi.ON_TIME_RATE, UNIT_ROW)).isEqualByComparingTo("0.90");
        assertThat(targets.target(Kpi.SATISFACTION_RATE, UNIT_ROW)).isEqualByComparingTo("0.96");
        assertThat(targets.target(Kpi.ONLINE_RATE, UNIT_ROW)).isEqualByComparingTo("1.0");
        assertThat(targets.target(Kpi.FEEDBACK_ON_TIME_RATE, UNIT_ROW)).isEqualByComparingTo("1.0");
    }

    @Test
    void aMinVolumeThatTheDefaultsLeaveOutIsTwenty() {
        assertThat(TargetsFile.parse("defaults: {onTimeRate: 0.90}").minVolume(UNIT_ROW)).isEqualTo(20);
    }

    @Test
    void aFileWithoutDefaultsTakesEverySectionThreeDefault() {
        final Targets targets = TargetsFile.parse("units: {U9: {onTimeRate: 0.5}}");

        assertThat(targets.target(Kpi.SATISFACTION_RATE, UNIT_ROW)).isEqualByComparingTo("0.96");
        assertThat(targets.minVolume(UNIT_ROW)).isEqualTo(20);
    }

    @Test
    void withATargetsFileTheLandFieldHasNoOverrideUnlessTheFileSetsIt() {
        final Targets targets = TargetsFile.parse("defaults: {minVolume: 5}");

        assertThat(targets.target(Kpi.ON_TIME_RATE, LAND_ROW)).isEqualByComparingTo("0.98");
    }

    @Test
    void anEmptyTargetsFileGivesTheSectionThreeDefaultsWithoutTheLandOverride() {
        final Targets targets = TargetsFile.parse("# no targets set\n");

        assertThat(targets.target(Kpi.ON_TIME_RATE, LAND_ROW)).isEqualByComparingTo("0.98");
        assertThat(targets.minVolume(LAND_ROW)).isEqualTo(20);
    }

    @Test
    void minVolumeMayStandAtEveryLevel() {
        final Targets targets = TargetsFile.parse("""
            defaults: {minVolume: 1}
            fields: {DAT_DAI: {minVolume: 2}}
            units: {"UBND-P-VTS": {minVolume: 3, fields: {DAT_DAI: {minVolume: 4}}}}
            """);

        assertThat(targets.minVolume(LAND_ROW)).isEqualTo(4);
        assertThat(targets.minVolume(UNIT_ROW)).isEqualTo(3);
        assertThat(targets.minVolume(new KpiRowKey("SO-TNMT", "DAT_DAI", "2026-03"))).isEqualTo(2);
        assertThat(targets.minVolume(new KpiRowKey("SO-TNMT", "HO_TICH", "2026-03"))).isEqualTo(1);
    }

    @Test
    void aQuotedNumericIdStaysTheStringItIs() {
        final Targets targets = TargetsFile.parse("units: {\"001\": {onTimeRate: 0.5}}");

        assertThat(targets.target(Kpi.ON_TIME_RATE, new KpiRowKey("001", KpiRowKey.ALL_FIELDS, "2026-03")))
            .isEqualByComparingTo("0.5");
    }

    @Test
    void targetsOfZeroAndOneAndAMinVolumeOfZeroAreAllowed() {
        final Targets targets = TargetsFile.parse("defaults: {onTimeRate: 0, onlineRate: 1, minVolume: 0}");

        assertThat(targets.target(Kpi.ON_TIME_RATE, UNIT_ROW)).isEqualByComparingTo("0");
        assertThat(targets.target(Kpi.ONLINE_RATE, UNIT_ROW)).isEqualByComparingTo("1");
        assertThat(targets.minVolume(UNIT_ROW)).isZero();
    }

    @Test
    void theExampleTargetsFileIsReadFromItsPath() {
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));

        assertThat(targets.minVolume(UNIT_ROW)).isEqualTo(1);
        assertThat(targets.target(Kpi.ON_TIME_RATE, LAND_ROW)).isEqualByComparingTo("0.6");
    }

    @Test
    void aTargetAboveOneIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("units: {U1: {fields: {DAT_DAI: {onTimeRate: 1.5}}}}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("units.U1.fields.DAT_DAI.onTimeRate");
    }

    @Test
    void aNegativeTargetIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("fields: {DAT_DAI: {satisfactionRate: -0.1}}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("fields.DAT_DAI.satisfactionRate");
    }

    @Test
    void aPercentageWrittenAsTextIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("defaults: {onTimeRate: 98%}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("defaults.onTimeRate");
    }

    @Test
    void anUnknownKpiIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("units: {U1: {ontimeRate: 0.9}}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("units.U1.ontimeRate");
    }

    @Test
    void anUnknownTopLevelKeyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> TargetsFile.parse("unit: {U1: {onTimeRate: 0.9}}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("'unit'");
    }

    @Test
    void fieldsInsideAFieldEntryAreAnErrorNamingTheirPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("fields: {DAT_DAI: {fields: {X: {onTimeRate: 0.9}}}}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("fields.DAT_DAI.fields");
    }

    @Test
    void aFractionalMinVolumeIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("units: {U1: {fields: {DAT_DAI: {minVolume: 2.5}}}}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("units.U1.fields.DAT_DAI.minVolume");
    }

    @Test
    void aNegativeMinVolumeIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("defaults: {minVolume: -1}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("defaults.minVolume");
    }

    @Test
    void anEntryThatIsNotAMappingIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TargetsFile.parse("units: {U1: 0.9}"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("units.U1");
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
        assertThatThrownBy(() -> TargetsFile.parse("- onTimeRate: 0.9"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining("the document");
    }

    @Test
    void textThatIsNotYamlIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> TargetsFile.parse("defaults: {onTimeRate: [0.9"))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageStartingWith("targets: not valid YAML");
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorNamingIt(@TempDir final Path dir) {
        final Path missing = dir.resolve("targets.yaml");

        assertThatThrownBy(() -> TargetsFile.read(missing))
            .isInstanceOf(InvalidTargetsException.class)
            .hasMessageContaining(missing.toString());
    }
}
