package vn.tthc.monitor.kpi.evaluation;

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
import vn.tthc.monitor.kpi.streams.TopicReadiness;

/**
 * Creates the archive's topics when they are missing (existing ones are left as they are): the compacted reports
 * topic with {@code max.message.bytes} {@link ArchiveSettings#REPORTS_MAX_MESSAGE_BYTES} (every revision of a
 * verdict has a key of its own, so compaction keeps them all and only drops a record rewritten under the same key),
 * and the failures topic, kept as long as the rejected events. The verdicts topic is the verdict stage's.
 */
@Singleton
public class ArchiveTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveTopics.class);

    private final AdminClient admin;
    private final TopicsConfiguration topics;
    private final ArchiveSettings settings;
    private volatile boolean done;

    public ArchiveTopics(final AdminClient admin, final TopicsConfiguration topics, final ArchiveSettings settings) {
        this.admin = admin;
        this.topics = topics;
        this.settings = settings;
    }

    /** The topics with the configuration they are created with. */
    List<NewTopic> wanted() {
        return List.of(
            new NewTopic(settings.reportsTopic(), topics.partitions(), topics.replicationFactor()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(ArchiveSettings.REPORTS_MAX_MESSAGE_BYTES))),
            new NewTopic(settings.failuresTopic(), topics.partitions(), topics.replicationFactor()).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.rejectedRetention().toMillis()))));
    }

    /** Creates the missing topics and waits until they can be written (once per process). */
    public synchronized void ensure() throws InterruptedException {
        if (done) {
            return;
        }
        final List<NewTopic> wanted = wanted();
        try {
            final Set<String> existing = admin.listTopics().names().get();
            final List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            for (final var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get();
                    LOG.info("created topic {} with {} partitions", created.getKey(), topics.partitions());
                } catch (final ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            TopicReadiness.awaitWritable(admin, wanted.stream().map(NewTopic::name).toList());
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
        done = true;
    }

    /** Waits {@code duration}, false when interrupted. */
    static boolean pause(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
