package vn.tthc.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RunCost's arithmetic per event and how it prints it; the JVM's own figures are the Meter's. */
class RunCostTest {

    private static final RunCost COST = new RunCost(1_000,
        400_000_000L, 150_000_000L, 600_000_000L, 200_000_000L, 250_000_000L,
        Map.of("data-plane-kafka-request-handler", 90_000_000L, "kafka-producer-network-thread", 60_000_000L),
        List.of(new RunCost.TopicWrites("app-kpi-rows-store-changelog", 3_000, 600_000),
            new RunCost.TopicWrites("tthc-kpi-rows", 500, 100_000),
            new RunCost.TopicWrites("app-kpi-changes-by-unit-repartition", 2_000, 300_000),
            new RunCost.TopicWrites("app-histories-store-changelog", 1_000, 400_000)));

    @Test
    void cpuIsSplitBetweenStreamThreadsOtherThreadsAndWhatNoJavaThreadAccountsFor() {
        assertThat(COST.streamCpuMicrosPerEvent()).isCloseTo(400.0, within(1e-9));
        assertThat(COST.otherCpuMicrosPerEvent()).isCloseTo(150.0, within(1e-9));
        assertThat(COST.jvmCpuMicrosPerEvent()).isCloseTo(50.0, within(1e-9));
        assertThat(COST.processCpuMicrosPerEvent()).isCloseTo(600.0, within(1e-9));
    }

    @Test
    void theJvmShareIsNeverNegativeWhenThreadClocksRunAheadOfTheProcessClock() {
        final RunCost cost = new RunCost(10, 700, 400, 1_000, 0, 0, Map.of(), List.of());
        assertThat(cost.jvmCpuMicrosPerEvent()).isZero();
    }

    @Test
    void allocationAndWritesArePerEventAndSummedByKindOfTopic() {
        assertThat(COST.streamAllocatedKbPerEvent()).isCloseTo(200.0, within(1e-9));
        assertThat(COST.allocatedKbPerEvent()).isCloseTo(250.0, within(1e-9));
        assertThat(COST.recordsPerEvent("changelog")).isCloseTo(4.0, within(1e-9));
        assertThat(COST.bytesPerEvent("changelog")).isCloseTo(1_000.0, within(1e-9));
        assertThat(COST.recordsPerEvent("repartition")).isCloseTo(2.0, within(1e-9));
        assertThat(COST.bytesPerEvent("repartition")).isCloseTo(300.0, within(1e-9));
        assertThat(COST.recordsPerEvent("output")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void topicsAreSortedByKindThenNameAndPrintedWithoutTheApplicationsPrefix() {
        assertThat(COST.topics()).extracting(RunCost.TopicWrites::topic).containsExactly(
            "app-histories-store-changelog", "app-kpi-rows-store-changelog", "tthc-kpi-rows",
            "app-kpi-changes-by-unit-repartition");
        assertThat(COST.lines("app-")).containsExactly(
            "    CPU per event: stream threads 400.0 µs, other Java threads 150.0 µs, JVM (GC, JIT) 50.0 µs; process 600.0 µs",
            "    other Java threads, CPU per event: data-plane-kafka-request-handler 90.0 µs; kafka-producer-network-thread 60.0 µs",
            "    allocated per event: stream threads 200.0 KB, process 250.0 KB",
            "    written per event: changelogs 4.00 records (1,000 bytes), repartition topics 2.00 records (300 bytes), outputs 0.50 records",
            "      changelog    histories-store-changelog                           1.000 records      400.0 bytes per event",
            "      changelog    kpi-rows-store-changelog                            3.000 records      600.0 bytes per event",
            "      output       tthc-kpi-rows                                       0.500 records      100.0 bytes per event",
            "      repartition  kpi-changes-by-unit-repartition                     2.000 records      300.0 bytes per event");
    }

    @Test
    void streamThreadsAreKafkaStreamsOwnNotTheirClientsThreads() {
        assertThat(RunCost.isStreamThread("bench-full-5f0c-StreamThread-2")).isTrue();
        assertThat(RunCost.isStreamThread("kafka-producer-network-thread | bench-full-5f0c-StreamThread-2-producer")).isFalse();
        assertThat(RunCost.isStreamThread("bench-full-5f0c-StateUpdater-1")).isFalse();
        assertThat(RunCost.threadKind("kafka-producer-network-thread | bench-full-5f0c-StreamThread-2-producer"))
            .isEqualTo("kafka-producer-network-thread");
        assertThat(RunCost.threadKind("data-plane-kafka-request-handler-7")).isEqualTo("data-plane-kafka-request-handler");
    }

    @Test
    void aRunOfNoEventsHasNoCostPerEvent() {
        assertThatThrownBy(() -> new RunCost(0, 0, 0, 0, 0, 0, Map.of(), List.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
