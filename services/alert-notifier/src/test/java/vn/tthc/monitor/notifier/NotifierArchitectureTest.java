package vn.tthc.monitor.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.time.Instant;
import vn.tthc.monitor.notifier.delivery.DeliveryQueue;
import vn.tthc.monitor.notifier.delivery.Ledger;
import vn.tthc.monitor.notifier.delivery.Transport;

/**
 * Who is told what, and when, is plain Java (STYLE.md section 1): the rules, messages, registry,
 * delivery queue and dispatcher know neither Kafka nor Micronaut, and take the time from the clock
 * they are given; the rules decide, the dispatcher does (the rules never reach a transport or the ledger).
 */
@AnalyzeClasses(packages = "vn.tthc.monitor.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class NotifierArchitectureTest {

    private static final String[] RULE_PACKAGES = {"vn.tthc.monitor.notifier.rules..",
        "vn.tthc.monitor.notifier.message..", "vn.tthc.monitor.notifier.registry..",
        "vn.tthc.monitor.notifier.delivery..", "vn.tthc.monitor.notifier.dispatch.."};

    // Rules are checked from @ArchTest methods: Surefire 3.5.3 skips @ArchTest fields (TNG/ArchUnit#1442).
    @ArchTest
    void rulesDependOnNeitherKafkaNorMicronaut(final JavaClasses classes) {
        noClasses().that().resideInAnyPackage(RULE_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.micronaut..")
            .check(classes);
    }

    @ArchTest
    void rulesDoNotReadTheSystemClock(final JavaClasses classes) {
        noClasses().that().resideInAnyPackage(RULE_PACKAGES)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .check(classes);
    }

    @ArchTest
    void theRulesDecideAndNeverDeliver(final JavaClasses classes) {
        noClasses().that().resideInAPackage("vn.tthc.monitor.notifier.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.tthc.monitor.notifier.dispatch..",
                "vn.tthc.monitor.notifier.transport..", "io.micrometer..")
            .orShould().dependOnClassesThat().belongToAnyOf(Transport.class, Ledger.class, DeliveryQueue.class)
            .check(classes);
    }
}
