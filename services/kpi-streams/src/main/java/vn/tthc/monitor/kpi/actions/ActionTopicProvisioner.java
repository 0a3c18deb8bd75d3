package vn.tthc.monitor.kpi.actions;

import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.streams.TopicReadiness;

/**
 * Creates the corrective-actions topic before the streams start when it is missing: the partitions and replication
 * of the pipeline's topics, {@code cleanup.policy=delete} with {@code retention.ms=-1}: no event is ever removed (a
 * compacted topic would keep only the last event of each alert). An existing topic is left as it is.
 */
@Singleton
public class ActionTopicProvisioner implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private static final Logger LOG = LoggerFactory.getLogger(ActionTopicProvisioner.class);

    private final AdminClient admin;
    private final TopicsConfiguration topics;
    private final ActionsConfiguration actions;

    public ActionTopicProvisioner(final AdminClient admin, final TopicsConfiguration topics,
                                  final ActionsConfiguration actions) {
        this.admin = admin;
        this.topics = topics;
        this.actions = actions;
    }

    @Override
    public void onApplicationEvent(final BeforeKafkaStreamStart event) {
        try {
            if (!admin.listTopics().names().get().contains(actions.topic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(actions.topic(), topics.partitions(), topics.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
                    LOG.info("created topic {} (corrective actions, kept for ever)", actions.topic());
                } catch (final ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + actions.topic() + ": "
                            + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            TopicReadiness.awaitWritable(admin, List.of(actions.topic()));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + actions.topic(), e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
