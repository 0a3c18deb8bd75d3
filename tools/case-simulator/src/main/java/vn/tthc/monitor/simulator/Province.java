package vn.tthc.monitor.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.simulator.config.ProvinceConfig;

/** The configuration with its names resolved: each unit with its profile and procedures, picked by weight. */
final class Province {

    /** A unit ready to simulate. */
    record Unit(String id, double weight, ProvinceConfig.Profile profile, ProvinceConfig.Slump slump,
                List<ProvinceConfig.Procedure> procedures) {

        /** The unit's lateness and satisfaction on the day of {@code at}: its slump's while in one. */
        ProvinceConfig.Profile profileAt(final Instant at) {
            if (slump == null || slump.days() == 0) {
                return profile;
            }
            final long day = LocalDate.ofInstant(at, VietnamTime.ZONE).toEpochDay();
            return Math.floorMod(day, slump.everyDays()) < slump.days()
                ? new ProvinceConfig.Profile(slump.lateness(), slump.satisfaction(), profile.online(), profile.feedbackLateness())
                : profile;
        }

        ProvinceConfig.Procedure pickProcedure(final SplittableRandom random) {
            return pick(procedures, ProvinceConfig.Procedure::weight, random);
        }
    }

    private final ProvinceConfig config;
    private final List<Unit> units;

    Province(final ProvinceConfig config) {
        this.config = config;
        final Map<String, ProvinceConfig.Procedure> procedures = config.procedures().stream()
            .collect(Collectors.toMap(ProvinceConfig.Procedure::id, Function.identity()));
        this.units = config.units().stream()
            .map(unit -> new Unit(unit.id(), unit.weight(), config.profiles().get(unit.profile()), unit.slump(),
                unit.procedures().stream().map(procedures::get).toList()))
            .toList();
    }

    ProvinceConfig config() {
        return config;
    }

    List<Unit> units() {
        return units;
    }

    Unit pickUnit(final SplittableRandom random) {
        return pick(units, Unit::weight, random);
    }

    private static <T> T pick(final List<T> items, final ToDoubleFunction<T> weight, final SplittableRandom random) {
        final double total = items.stream().mapToDouble(weight).sum();
        double point = random.nextDouble() * total;
        for (final T item : items) {
            point -= weight.applyAsDouble(item);
            if (point < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }
}
