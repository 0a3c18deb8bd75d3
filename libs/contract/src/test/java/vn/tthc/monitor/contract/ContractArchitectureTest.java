package vn.tthc.monitor.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.time.Clock;
import java.util.Set;

/**
 * The contract is plain Java (STYLE.md section 1): no Kafka, no Micronaut, and no rule that reads the
 * system clock, so that every deadline rule is given its {@code now} and is deterministic.
 */
@AnalyzeClasses(packages = "vn.tthc.monitor.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    private static final Set<String> SYSTEM_CLOCK_FACTORIES =
        Set.of("systemUTC", "systemDefaultZone", "system", "tickMillis", "tickSeconds", "tickMinutes");

    /**
     * {@code Instant.now()}, {@code LocalDate.now(zone)} and the like;
     * {@code now(clock)} uses the clock it is given.
     */
    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
        "a read of the system clock (java.time now() without a Clock, Clock.system*(),"
            + " System.currentTimeMillis() or nanoTime())",
        call -> readsTheSystemClock(call.getTarget()));

    // Rules are checked from @ArchTest methods: Surefire 3.5.3 skips @ArchTest fields (TNG/ArchUnit#1442).
    @ArchTest
    void noContractClassDependsOnKafkaOrMicronaut(final JavaClasses classes) {
        noClasses().that().resideInAPackage("vn.tthc.monitor.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.micronaut..")
            .check(classes);
    }

    @ArchTest
    void noContractClassReadsTheSystemClock(final JavaClasses classes) {
        noClasses().that().resideInAPackage("vn.tthc.monitor.contract..")
            .should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
            .check(classes);
    }

    private static boolean readsTheSystemClock(final MethodCallTarget target) {
        final String owner = target.getOwner().getName();
        final String name = target.getName();
        if (owner.startsWith("java.time.") && name.equals("now")) {
            return target.getRawParameterTypes().stream().noneMatch(type -> type.isAssignableTo(Clock.class));
        }
        if (owner.equals(Clock.class.getName())) {
            return SYSTEM_CLOCK_FACTORIES.contains(name);
        }
        return owner.equals(System.class.getName()) && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
    }
}
