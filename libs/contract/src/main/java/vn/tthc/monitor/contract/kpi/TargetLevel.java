package vn.tthc.monitor.contract.kpi;

import java.math.BigDecimal;
import java.util.Map;

/** The keys one entry of a targets file sets: some KPI targets, perhaps {@code minVolume}. */
public record TargetLevel(Map<Kpi, BigDecimal> targets, Integer minVolume) {

    public static final TargetLevel EMPTY = new TargetLevel(Map.of(), null);

    public TargetLevel {
        targets = Map.copyOf(targets);
    }
}
