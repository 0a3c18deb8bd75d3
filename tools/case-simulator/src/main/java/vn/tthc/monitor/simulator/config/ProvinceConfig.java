package vn.tthc.monitor.simulator.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The simulated province (YAML, see config/province-sample.yaml and docs/SIMULATOR.md): its office
 * hours (on the working days of the contract's calendar), its procedures with their due times in
 * working days, its units with the habits (profile) of each, and how often cases pause, are
 * withdrawn, are rated, draw feedback.
 */
public record ProvinceConfig(String province, String source, List<OfficeStretch> officeHours,
                             double casesPerWorkingDay, Shares shares, double feedbackDueWorkingDays,
                             Map<String, String> fields, List<Procedure> procedures,
                             Map<String, Profile> profiles, List<Unit> units) {

    /** One stretch of office hours (giờ hành chính), local time in Asia/Ho_Chi_Minh. */
    public record OfficeStretch(LocalTime from, LocalTime to) {
    }

    /** Probabilities of what happens to a case; an absent share is 0. */
    public record Shares(double supplement, double supplementRestartsClock, double withdrawn, double apologyWhenLate,
                         double denied, double survey, double surveyWithoutField, double postal, double feedbackPerCase) {
    }

    /** A procedure (thủ tục hành chính): its field, its statutory due time, whether it is fully online. */
    public record Procedure(String id, String name, String field, double dueWorkingDays, boolean onlineEligible,
                            double weight) {
    }

    /**
     * A unit's habits, as probabilities: a case resolved late, a satisfied survey, an eligible case
     * submitted online, a feedback resolved late.
     */
    public record Profile(double lateness, double satisfaction, double online, double feedbackLateness) {
    }

    /**
     * A recurring bad spell of a unit: on {@code days} calendar days out of every {@code everyDays},
     * its lateness and satisfaction are these instead of its profile's.
     */
    public record Slump(int everyDays, int days, double lateness, double satisfaction) {
    }

    /** A unit (đơn vị): its share of the traffic ({@code weight}), its profile and the procedures it handles. */
    public record Unit(String id, String name, double weight, String profile, List<String> procedures, Slump slump) {
    }

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    /** Reads and checks a configuration. */
    public static ProvinceConfig read(final InputStream yaml) throws IOException {
        final ProvinceConfig config = YAML.readValue(yaml, ProvinceConfig.class);
        config.check();
        return config;
    }

    private void check() {
        require(units != null && !units.isEmpty(), "'units' must list at least one unit");
        require(procedures != null && !procedures.isEmpty(), "'procedures' must list at least one procedure");
        require(officeHours != null && !officeHours.isEmpty(), "'officeHours' must list at least one stretch");
        require(shares != null, "'shares' is missing");
        require(casesPerWorkingDay > 0, "'casesPerWorkingDay' must be positive");
        require(feedbackDueWorkingDays > 0, "'feedbackDueWorkingDays' must be positive");
        LocalTime previousEnd = LocalTime.MIN;
        for (final OfficeStretch hours : officeHours) {
            require(hours.from() != null && hours.to() != null && hours.from().isBefore(hours.to())
                && !hours.from().isBefore(previousEnd), "'officeHours' must be ordered stretches with from < to");
            previousEnd = hours.to();
        }
        checkShares();
        for (final Procedure procedure : procedures) {
            require(fields != null && fields.containsKey(procedure.field()),
                "procedure '" + procedure.id() + "' names unknown field '" + procedure.field() + "'");
            require(procedure.dueWorkingDays() > 0, "procedure '" + procedure.id() + "' needs dueWorkingDays > 0");
            require(procedure.weight() > 0, "procedure '" + procedure.id() + "' needs weight > 0");
        }
        for (final Unit unit : units) {
            require(unit.weight() > 0, "unit '" + unit.id() + "' needs weight > 0");
            require(profiles != null && profiles.containsKey(unit.profile()),
                "unit '" + unit.id() + "' names unknown profile '" + unit.profile() + "'");
            require(unit.procedures() != null && !unit.procedures().isEmpty(),
                "unit '" + unit.id() + "' must list its procedures");
            for (final String procedure : unit.procedures()) {
                require(procedures.stream().anyMatch(p -> p.id().equals(procedure)),
                    "unit '" + unit.id() + "' names unknown procedure '" + procedure + "'");
            }
            if (unit.slump() != null) {
                require(unit.slump().everyDays() > 0 && unit.slump().days() >= 0
                    && unit.slump().days() <= unit.slump().everyDays(),
                    "unit '" + unit.id() + "': slump needs 0 <= days <= everyDays");
                probability(unit.slump().lateness(), "unit '" + unit.id() + "' slump lateness");
                probability(unit.slump().satisfaction(), "unit '" + unit.id() + "' slump satisfaction");
            }
        }
        profiles.forEach((name, profile) -> {
            probability(profile.lateness(), "profile '" + name + "' lateness");
            probability(profile.satisfaction(), "profile '" + name + "' satisfaction");
            probability(profile.online(), "profile '" + name + "' online");
            probability(profile.feedbackLateness(), "profile '" + name + "' feedbackLateness");
        });
    }

    private void checkShares() {
        probability(shares.supplement(), "shares.supplement");
        probability(shares.supplementRestartsClock(), "shares.supplementRestartsClock");
        probability(shares.withdrawn(), "shares.withdrawn");
        probability(shares.apologyWhenLate(), "shares.apologyWhenLate");
        probability(shares.denied(), "shares.denied");
        probability(shares.survey(), "shares.survey");
        probability(shares.surveyWithoutField(), "shares.surveyWithoutField");
        probability(shares.postal(), "shares.postal");
        probability(shares.feedbackPerCase(), "shares.feedbackPerCase");
    }

    private static void probability(final double value, final String name) {
        require(value >= 0 && value <= 1, name + " must be between 0 and 1, was " + value);
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new InvalidConfigException(message);
        }
    }
}
