package vn.tthc.monitor.kpi.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.kpi.testing.RunningService;

/**
 * A closing kpi-streams runs no scheduled task ({@code KpiMetrics}' refresh, Micronaut's health monitor) while it
 * destroys its beans: such a run asked the context for beans destroyed already, and the context built them again, down
 * to the pipeline's Kafka Streams over the builder that had the pipeline ("A different StateStore has already been
 * added with the name rejected-counts-store"), logged by Micronaut's handler of failed scheduled tasks.
 */
class ScheduledTasksOnCloseIT {

    @Test
    void noScheduledTaskBuildsTheBeansAgainWhileTheContextCloses() {
        final ListAppender<ILoggingEvent> failedTasks = new ListAppender<>();
        failedTasks.start();
        final Logger handler = (Logger) LoggerFactory.getLogger("io.micronaut.scheduling.DefaultTaskExceptionHandler");
        handler.addAppender(failedTasks);
        try {
            // both tasks every 20 ms: the close, which waits for Kafka Streams to leave its group, spans many runs
            final RunningService service = new RunningService(Map.of("tthc.metrics.refresh", "20ms",
                "micronaut.health.monitor.initial-delay", "20ms", "micronaut.health.monitor.interval", "20ms"));
            final KafkaStreams streams = service.context().getBean(KafkaStreams.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            service.close();
        } finally {
            handler.detachAppender(failedTasks);
        }
        assertThat(failedTasks.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
            .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
