package vn.tthc.monitor.kpi.streams;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the pipeline's Kafka Streams leaving its consumer group, before micronaut-kafka closes it without leaving
 * (its {@code close(Duration)} keeps the member until the session timeout, 45 s by default): the partitions of a
 * stopped instance go to the others, and those of a restarted one come back to it, at once instead of after the
 * session timeout. In: the Kafka Streams about to start; out: its close at shutdown (micronaut-kafka's own close
 * then finds it closed).
 */
@Singleton
public class LeaveGroupOnClose implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private static final Logger LOG = LoggerFactory.getLogger(LeaveGroupOnClose.class);

    private final Duration closeTimeout;
    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();

    public LeaveGroupOnClose(@Named(KpiStreamsFactory.STREAM) final ConfiguredStreamBuilder builder) {
        this.closeTimeout = builder.getCloseTimeout();
    }

    @Override
    public void onApplicationEvent(final BeforeKafkaStreamStart event) {
        streams.set(event.getKafkaStreams());
    }

    @PreDestroy
    void close() {
        final KafkaStreams started = streams.getAndSet(null);
        if (started != null && !started.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(closeTimeout))) {
            LOG.warn("Kafka Streams not closed within {}: its members may stay in the group until the session timeout", closeTimeout);
        }
    }
}
