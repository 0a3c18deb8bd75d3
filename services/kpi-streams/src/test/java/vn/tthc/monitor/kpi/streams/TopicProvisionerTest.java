package vn.tthc.monitor.kpi.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.topology.TopicCatalog;

/** The topics kpi-streams creates, with the configuration that keeps every record it writes writable. */
class TopicProvisionerTest {

    /** A dead letter's headers at worst: a reason of 1,000 code points of 4 bytes, the source and the exception. */
    private static final int DEAD_LETTER_HEADERS = 5_000;

    @Test
    void theEventsTopicHoldsNoRecordWhoseDeadLetterTheProducerWouldRefuse() {
        final TopicsConfiguration config = new TopicsConfiguration("e", "r", "k", "a", "h", "w", "v", 4, (short) 1,
            Duration.ofDays(1), Duration.ofDays(1));
        final NewTopic events = new TopicProvisioner(null, config).wanted().stream()
            .filter(topic -> topic.name().equals("e")).findFirst().orElseThrow();
        final int producerLimit = (int) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);

        final int eventsLimit = Integer.parseInt(events.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));

        assertThat(eventsLimit).isEqualTo(TopicCatalog.EVENTS_MAX_MESSAGE_BYTES).isGreaterThan(1_000_000);
        assertThat(eventsLimit + DEAD_LETTER_HEADERS).isLessThan(producerLimit);
    }
}
