package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * EVENTS.md section 3: each key is resolved on its own, the most specific entry that sets it winning
 * (unit+field, unit, field, defaults); field entries do not apply to {@code *} rows.
 */
class TargetsTest {

    private static final String PERIOD = "2026-03";

    /** Every level sets some keys, so that each test can see which level won. */
    private static final Targets LAYERED = TargetsFile.parse("""
        defaults: {onTimeRate: 0.90, satisfactionRate: 0.90, onlineRate: 0.90, feedbackOnTimeRate: 0.90, minVolume: 10}
        fields:
          DAT_DAI: {onTimeRate: 0.80, satisfactionRate: 0.80, onlineRate: 0.80, minVolume: 8}
        units:
          U1:
            onTimeRate: 0.70
            satisfactionRate: 0.70
            minVolume: 7
            fields:
              DAT_DAI: {onTimeRate: 0.60, minVolume: 6}
        """);

    private static KpiRowKey row(final String unitId, final String fieldId) {
        return new KpiRowKey(unitId, fieldId, PERIOD);
    }

    private static BigDecimal target(final Targets targets, final Kpi kpi, final KpiRowKey row) {
        return targets.target(kpi, row);
    }

    @Test
    void withoutATargetsFileEveryRowHasTheSectionThreeTargets() {
        final Targets targets = Targets.sectionThreeDefaults();
        final KpiRowKey row = row("U1", "HO_TICH");

        assertThat(target(targets, Kpi.ON_TIME_RATE, row)).isEqualByComparingTo("0.98");
        assertThat(target(targets, Kpi.SATISFACTION_RATE, row)).isEqualByComparingTo("0.96");
        assertThat(target(targets, Kpi.ONLINE_RATE, row)).isEqualByComparingTo("1.00");
        assertThat(target(targets, Kpi.FEEDBACK_ON_TIME_RATE, row)).isEqualByComparingTo("1.00");
        assertThat(targets.minVolume(row)).isEqualTo(20);
    }

    @Test
    void withoutATargetsFileTheLandFieldHasAnOnTimeTargetOf096() {
        assertThat(target(Targets.sectionThreeDefaults(), Kpi.ON_TIME_RATE, row("U1", "DAT_DAI")))
            .isEqualByComparingTo("0.96");
    }

    @Test
    void theLandOverrideLowersOnlyTheOnTimeTarget() {
        assertThat(target(Targets.sectionThreeDefaults(), Kpi.SATISFACTION_RATE, row("U1", "DAT_DAI")))
            .isEqualByComparingTo("0.96");
        assertThat(Targets.sectionThreeDefaults().minVolume(row("U1", "DAT_DAI"))).isEqualTo(20);
    }

    @Test
    void theLandOverrideDoesNotApplyToTheUnitsAllFieldsRow() {
        assertThat(target(Targets.sectionThreeDefaults(), Kpi.ON_TIME_RATE, row("U1", KpiRowKey.ALL_FIELDS)))
            .isEqualByComparingTo("0.98");
    }

    @Test
    void aUnitAndFieldEntryBeatsTheUnitEntry() {
        assertThat(target(LAYERED, Kpi.ON_TIME_RATE, row("U1", "DAT_DAI"))).isEqualByComparingTo("0.60");
    }

    @Test
    void aUnitEntryBeatsTheFieldEntry() {
        assertThat(target(LAYERED, Kpi.SATISFACTION_RATE, row("U1", "DAT_DAI"))).isEqualByComparingTo("0.70");
    }

    @Test
    void aFieldEntryBeatsTheDefaults() {
        assertThat(target(LAYERED, Kpi.ONLINE_RATE, row("U1", "DAT_DAI"))).isEqualByComparingTo("0.80");
    }

    @Test
    void theDefaultsApplyWhenNoEntrySetsTheKey() {
        assertThat(target(LAYERED, Kpi.FEEDBACK_ON_TIME_RATE, row("U1", "DAT_DAI"))).isEqualByComparingTo("0.90");
    }

    @Test
    void fieldEntriesDoNotApplyToAUnitsAllFieldsRow() {
        final KpiRowKey allFields = row("U1", KpiRowKey.ALL_FIELDS);

        assertThat(target(LAYERED, Kpi.ON_TIME_RATE, allFields)).isEqualByComparingTo("0.70");
        assertThat(target(LAYERED, Kpi.ONLINE_RATE, allFields)).isEqualByComparingTo("0.90");
        assertThat(LAYERED.minVolume(allFields)).isEqualTo(7);
    }

    @Test
    void anotherUnitGetsTheFieldEntryAndTheDefaultsOnly() {
        final KpiRowKey otherUnit = row("U2", "DAT_DAI");

        assertThat(target(LAYERED, Kpi.ON_TIME_RATE, otherUnit)).isEqualByComparingTo("0.80");
        assertThat(target(LAYERED, Kpi.FEEDBACK_ON_TIME_RATE, otherUnit)).isEqualByComparingTo("0.90");
        assertThat(LAYERED.minVolume(otherUnit)).isEqualTo(8);
    }

    @Test
    void anotherFieldOfTheUnitGetsTheUnitEntryAndTheDefaults() {
        final KpiRowKey otherField = row("U1", "HO_TICH");

        assertThat(target(LAYERED, Kpi.ON_TIME_RATE, otherField)).isEqualByComparingTo("0.70");
        assertThat(target(LAYERED, Kpi.ONLINE_RATE, otherField)).isEqualByComparingTo("0.90");
    }

    @Test
    void minVolumeIsResolvedAtTheUnitAndFieldLevel() {
        assertThat(LAYERED.minVolume(row("U1", "DAT_DAI"))).isEqualTo(6);
    }

    @Test
    void minVolumeIsResolvedAtTheUnitLevel() {
        assertThat(LAYERED.minVolume(row("U1", "HO_TICH"))).isEqualTo(7);
    }

    @Test
    void minVolumeIsResolvedAtTheFieldLevel() {
        assertThat(LAYERED.minVolume(row("U2", "DAT_DAI"))).isEqualTo(8);
    }

    @Test
    void minVolumeFallsBackToTheDefaults() {
        assertThat(LAYERED.minVolume(row("U2", "HO_TICH"))).isEqualTo(10);
    }

    @Test
    void eachKeyOfARowIsResolvedOnItsOwn() {
        assertThat(LAYERED.statuses(row("U1", "DAT_DAI"), KpiCounters.ZERO))
            .extracting(KpiStatus::kpi, s -> s.target().stripTrailingZeros().toPlainString(), KpiStatus::minVolume)
            .containsExactly(
                tuple(Kpi.ON_TIME_RATE, "0.6", 6),
                tuple(Kpi.SATISFACTION_RATE, "0.7", 6),
                tuple(Kpi.ONLINE_RATE, "0.8", 6),
                tuple(Kpi.FEEDBACK_ON_TIME_RATE, "0.9", 6));
    }
}
