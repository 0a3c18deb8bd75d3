package vn.tthc.monitor.kpi.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * A stopped kpi-streams leaves its consumer group as it closes: the group is empty within seconds, not after the
 * session timeout (45 s) that micronaut-kafka's close, which stays in the group, would leave it to.
 */
class LeaveGroupOnCloseIT {

    @Test
    void aClosedInstanceLeavesTheGroupAtOnce() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers()))) {
            final RunningService service = new RunningService(Map.of());
            final String group = service.context().getRequiredProperty("kafka.streams.default.application.id", String.class);
            final KafkaStreams streams = service.context().getBean(KafkaStreams.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            assertThat(members(admin, group)).as("members while running").isPositive();

            final long closing = System.nanoTime();
            service.close();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> members(admin, group) == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("well within the session timeout").isLessThan(Duration.ofSeconds(15));
        }
    }

    private static int members(final Admin admin, final String group) throws Exception {
        final ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        return description.members().size();
    }
}
