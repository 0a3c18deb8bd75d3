package vn.tthc.monitor.contract.kpi;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The targets of EVENTS.md sections 3 and 4. Each key (each KPI, and {@code minVolume}) is resolved
 * on its own, the most specific entry that sets it winning: unit+field, unit, field, then defaults;
 * field entries do not apply to a unit's {@code *} rows. Read a file with {@link TargetsFile}.
 */
public record Targets(TargetLevel defaults, Map<String, TargetLevel> fields, Map<String, UnitTargets> units) {

    /** The section-3 {@code minVolume}. */
    public static final int DEFAULT_MIN_VOLUME = 20;

    /** The field whose on-time target section 3 lowers when there is no targets file: đất đai. */
    public static final String LAND_FIELD = "DAT_DAI";

    /** A unit's own entry and its per-field entries. */
    public record UnitTargets(TargetLevel own, Map<String, TargetLevel> fields) {
        public UnitTargets {
            fields = Map.copyOf(fields);
        }
    }

    public Targets {
        fields = Map.copyOf(fields);
        units = Map.copyOf(units);
    }

    /** The targets without a targets file: section 3's defaults, the {@code DAT_DAI} override included. */
    public static Targets sectionThreeDefaults() {
        return new Targets(sectionThreeDefaultLevel(),
            Map.of(LAND_FIELD, new TargetLevel(Map.of(Kpi.ON_TIME_RATE, new BigDecimal("0.96")), null)),
            Map.of());
    }

    static TargetLevel sectionThreeDefaultLevel() {
        final Map<Kpi, BigDecimal> targets = new EnumMap<>(Kpi.class);
        for (final Kpi kpi : Kpi.values()) {
            targets.put(kpi, kpi.defaultTarget());
        }
        return new TargetLevel(targets, DEFAULT_MIN_VOLUME);
    }

    public BigDecimal target(final Kpi kpi, final KpiRowKey row) {
        return resolve(row, level -> Optional.ofNullable(level.targets().get(kpi))).orElse(kpi.defaultTarget());
    }

    public int minVolume(final KpiRowKey row) {
        return resolve(row, level -> Optional.ofNullable(level.minVolume())).orElse(DEFAULT_MIN_VOLUME);
    }

    /** Every KPI of a row judged against its targets, in {@link Kpi} order. */
    public List<KpiStatus> statuses(final KpiRowKey row, final KpiCounters counters) {
        final int minVolume = minVolume(row);
        return java.util.Arrays.stream(Kpi.values())
            .map(kpi -> KpiStatus.of(kpi, counters, target(kpi, row), minVolume))
            .toList();
    }

    private <T> Optional<T> resolve(final KpiRowKey row, final Function<TargetLevel, Optional<T>> key) {
        final UnitTargets unit = units.get(row.unitId());
        final TargetLevel unitField = unit == null || row.isAllFields() ? null : unit.fields().get(row.fieldId());
        final TargetLevel field = row.isAllFields() ? null : fields.get(row.fieldId());
        for (final TargetLevel level : new TargetLevel[] {unitField, unit == null ? null : unit.own(), field, defaults}) {
            if (level != null) {
                final Optional<T> value = key.apply(level);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }
}
