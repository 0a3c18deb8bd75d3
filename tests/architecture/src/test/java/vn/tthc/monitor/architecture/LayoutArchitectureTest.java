package vn.tthc.monitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The folder layout of docs/ARCHITECTURE.md (Modules) holds in the code: every product module of libs/ and
 * services/, read from what it ships, holds only its own packages, no service depends on another service, and no
 * product code depends on tools/ or tests/, nor on the Kafka broker or a test framework. The tools keep
 * kpi-streams' and the gateway's package names (vn.tthc.monitor.kpi.replay, .bench, .sample,
 * vn.tthc.monitor.gateway.bench), so they are named here.
 */
class LayoutArchitectureTest {

    /** The packages of tools/: the local broker, the case simulator, the replay and the benchmarks. */
    private static final String[] TOOLS = {"vn.tthc.monitor.broker..", "vn.tthc.monitor.simulator..",
        "vn.tthc.monitor.kpi.replay..", "vn.tthc.monitor.kpi.bench..", "vn.tthc.monitor.kpi.sample..",
        "vn.tthc.monitor.gateway.bench..", "vn.tthc.monitor.gateway.dvcqg.."};

    /** The packages of tests/ and of the modules' test fixtures (their test-jars), and the test frameworks. */
    private static final String[] TESTS = {"vn.tthc.monitor..testing..", "vn.tthc.monitor.endtoend..",
        "vn.tthc.monitor.monitoring..", "vn.tthc.monitor.architecture..", "org.junit..", "org.assertj..",
        "org.awaitility..", "com.tngtech.archunit.."};

    /** The Kafka broker (kafka_2.13 and the Scala it is written in): tools and tests run it, products talk to it. */
    private static final String[] BROKER = {"kafka..", "scala.."};

    @ParameterizedTest
    @EnumSource(ProductModule.class)
    void aProductModuleHoldsItsOwnPackagesAndNoToolOrTest(final ProductModule module) {
        final JavaClasses classes = module.mainClasses();

        assertThat(classes).as(module.folder() + " main classes").isNotEmpty();
        classes().should().resideInAPackage(module.packages()).check(classes);
        noClasses().should().resideInAnyPackage(TOOLS).orShould().resideInAnyPackage(TESTS).check(classes);
    }

    @ParameterizedTest
    @EnumSource(ProductModule.class)
    void noProductCodeDependsOnToolsTestsOrTheBroker(final ProductModule module) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(TOOLS)
            .orShould().dependOnClassesThat().resideInAnyPackage(TESTS)
            .orShould().dependOnClassesThat().resideInAnyPackage(BROKER)
            .check(module.mainClasses());
    }

    @ParameterizedTest
    @EnumSource(value = ProductModule.class, names = {"KPI_STREAMS", "INGEST_GATEWAY", "ALERT_NOTIFIER"})
    void aServiceDependsOnNoOtherService(final ProductModule service) {
        // services talk through topics and HTTP; what they share is in libs/
        noClasses().should().dependOnClassesThat().resideInAnyPackage(service.otherServices())
            .check(service.mainClasses());
    }

    @ParameterizedTest
    @EnumSource(value = ProductModule.class, names = {"CONTRACT", "INGEST_CLIENT", "OPERATOR_KEY"})
    void aLibraryDependsOnNoService(final ProductModule library) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(ProductModule.services())
            .check(library.mainClasses());
    }

    @Test
    void everyModuleOfLibsAndServicesIsChecked() throws IOException {
        final String rootPom = Files.readString(Path.of(System.getProperty("tthc.repo.dir"), "pom.xml"));
        final Matcher module = Pattern.compile("<module>((?:libs|services)/[^<]+)</module>").matcher(rootPom);
        final List<String> products = new ArrayList<>();
        while (module.find()) {
            products.add(module.group(1));
        }
        assertThat(Stream.of(ProductModule.values()).map(ProductModule::folder)).containsExactlyInAnyOrderElementsOf(products);
    }
}
