package vn.tthc.monitor.kpi.metrics;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;

/** The pipeline's lag: records of its source topics not yet processed, from the group's committed offsets. */
@Singleton
public class PipelineLag {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineLag.class);

    private final ConsumerGroupProgress progress;

    public PipelineLag(final AdminClient admin, final TopicsConfiguration topics,
                       @Value("${kafka.streams.default.application.id}") final String applicationId) {
        this.progress = new ConsumerGroupProgress(admin, applicationId, topics.events());
    }

    /** The total lag, or empty when the broker cannot say now. */
    public OptionalLong total() {
        try {
            return OptionalLong.of(progress.snapshot().totalLag());
        } catch (final ExecutionException e) {
            LOG.warn("cannot read the pipeline's lag: {}", e.getCause().getMessage());
            return OptionalLong.empty();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
