package vn.tthc.monitor.kpi.streams;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the scheduled tasks ({@code KpiMetrics}' refresh, Micronaut's health monitor) as the context begins to close,
 * before it destroys its beans. Micronaut destroys them one by one while its scheduler still runs, and each run of a
 * task asks the context for its bean: one destroyed already was built again, and with it those it needs, down to the
 * pipeline's Kafka Streams, whose factory then added the pipeline a second time to the builder that held it ("A
 * different StateStore has already been added with the name rejected-counts-store"), or, the builder gone too,
 * built one with no topology. In: the shutdown event, published before any bean is destroyed; out: the scheduled
 * executor shut down, the run under way let finish (at most {@link #WAIT}).
 */
@Singleton
public class StopScheduledTasksOnClose implements ApplicationEventListener<ShutdownEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StopScheduledTasksOnClose.class);

    /** How long the close waits for a run under way (a metrics refresh, a health check) to end. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService scheduled;

    public StopScheduledTasksOnClose(@Named(TaskExecutors.SCHEDULED) final ExecutorService scheduled) {
        this.scheduled = scheduled;
    }

    @Override
    public void onApplicationEvent(final ShutdownEvent event) {
        scheduled.shutdown();
        try {
            if (!scheduled.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a scheduled task still runs {} after the close began: the beans are destroyed meanwhile", WAIT);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
