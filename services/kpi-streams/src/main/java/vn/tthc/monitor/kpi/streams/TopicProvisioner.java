package vn.tthc.monitor.kpi.streams;

import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.topology.TopicCatalog;

/**
 * Creates the pipeline's own topics before Kafka Streams starts, when they are missing (Kafka
 * Streams stops with {@code MissingSourceTopicException} otherwise), the events topic with
 * {@link TopicCatalog#EVENTS_MAX_MESSAGE_BYTES}. Existing topics are left as they are.
 */
@Singleton
public class TopicProvisioner implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final AdminClient admin;
    private final TopicsConfiguration config;

    public TopicProvisioner(final AdminClient admin, final TopicsConfiguration config) {
        this.admin = admin;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(final BeforeKafkaStreamStart event) {
        ensureTopics();
    }

    public void ensureTopics() {
        final List<NewTopic> wanted = wanted();
        try {
            final Set<String> existing = admin.listTopics().names().get();
            final List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            for (final var created : admin.createTopics(missing).values().entrySet()) {
                awaitCreated(created.getKey(), created.getValue());
            }
            TopicReadiness.awaitWritable(admin, wanted.stream().map(NewTopic::name).toList());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The pipeline's topics with the configuration they are created with. */
    List<NewTopic> wanted() {
        return List.of(
            topic(config.events(), Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(config.eventsRetention()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TopicCatalog.EVENTS_MAX_MESSAGE_BYTES))),
            topic(config.rejected(), Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(config.rejectedRetention()))),
            topic(config.kpiRows(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            topic(config.alerts(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            topic(config.alertHistory(), Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(config.eventsRetention()))),
            topic(config.caseWarnings(), Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(config.rejectedRetention()))),
            topic(config.verdicts(), Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(config.eventsRetention()))));
    }

    private void awaitCreated(final String name, final org.apache.kafka.common.KafkaFuture<Void> creation)
        throws InterruptedException {
        try {
            creation.get();
            LOG.info("created topic {} with {} partitions", name, config.partitions());
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private NewTopic topic(final String name, final Map<String, String> configs) {
        return new NewTopic(name, config.partitions(), config.replicationFactor()).configs(configs);
    }

    private static String millis(final Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
