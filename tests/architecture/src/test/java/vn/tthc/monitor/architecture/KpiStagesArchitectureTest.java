package vn.tthc.monitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kpi-streams' pipeline as docs/ARCHITECTURE.md ("The pipeline in code") draws it: one package per stage
 * under vn.tthc.monitor.kpi.topology, which meet only in the wiring package itself (KpiPipeline, the topic
 * and store catalogs, the values passed between stages) and share only the binary forms of topology.serde.
 */
class KpiStagesArchitectureTest {

    private static final String TOPOLOGY = "vn.tthc.monitor.kpi.topology";
    private static final String[] STAGES = {"intake", "duplicates", "history", "opencases", "rows", "alerts", "subtree",
        "forecast", "verdicts"};

    @ParameterizedTest
    @ValueSource(strings = {"intake", "duplicates", "history", "opencases", "rows", "alerts", "subtree", "forecast",
        "verdicts"})
    void aStageReachesNoOtherStage(final String stage) {
        final String[] others = Stream.of(STAGES).filter(other -> !other.equals(stage))
            .map(other -> TOPOLOGY + "." + other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(TOPOLOGY + "." + stage + "..")
            .should().dependOnClassesThat().resideInAnyPackage(others)
            .check(ProductModule.KPI_STREAMS.mainClasses());
    }

    @Test
    void theBinaryFormsKnowNoStageNorTheWiring() {
        final String[] pipeline = Stream.concat(Stream.of(TOPOLOGY), Stream.of(STAGES).map(stage -> TOPOLOGY + "." + stage + ".."))
            .toArray(String[]::new);
        noClasses().that().resideInAPackage(TOPOLOGY + ".serde..")
            .should().dependOnClassesThat().resideInAnyPackage(pipeline)
            .check(ProductModule.KPI_STREAMS.mainClasses());
    }
}
