package vn.tthc.monitor.testing;

import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real single-node KRaft broker for the tests of a JVM, started on first use and closed at
 * exit. Tests share it, so each uses its own topic names and application ids.
 */
public final class TestKafkaCluster {

    private static KafkaClusterTestKit cluster;

    private TestKafkaCluster() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start(TestDirectories.fresh("kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafkaCluster::stop, "test-kafka-stop"));
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start(final Path directory) {
        try {
            final KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(directory)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("min.insync.replicas", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (final Exception e) {
            throw new IllegalStateException("cannot start the test Kafka cluster", e);
        }
    }

    private static synchronized void stop() {
        try {
            cluster.close();
        } catch (final Exception e) {
            throw new IllegalStateException("cannot stop the test Kafka cluster", e);
        }
    }
}
