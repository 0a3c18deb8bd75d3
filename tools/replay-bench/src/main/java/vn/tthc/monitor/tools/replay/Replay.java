package vn.tthc.monitor.tools.replay;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.KafkaStreams;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.failure.PipelineGuard;
import vn.tthc.monitor.kpi.failure.PipelineStoppedException;
import vn.tthc.monitor.kpi.query.KpiQueryService;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.streams.ConsumerGroupProgress;
import vn.tthc.monitor.kpi.topology.subtree.SpreadBacklog;

/**
 * Replays a JSON Lines file through the real KPI pipeline: starts the kpi-streams application
 * context against a broker, produces the file to the events topic, waits until the application
 * has processed every event (no lag on any of its source topics), then until the own rows' last changes are spread
 * to the subtree rows ({@link SpreadBacklog}) and summed (no lag again), and returns the report.
 * Progress goes to a listener every two seconds. When Kafka Streams stops on a failure, or nothing
 * moves for the stall timeout, it throws {@link PipelineStoppedException} within a poll (100 ms).
 */
public final class Replay {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    /** How long a replay may make no progress at all (nothing produced, committed or caught up) before it gives up. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(120);

    /**
     * @param events           the JSON Lines file
     * @param targets          a targets file, or {@code null} for the section-3 defaults
     * @param bootstrapServers the broker
     * @param applicationId    the Kafka Streams application id (its consumer group and internal topic prefix)
     * @param stateDir         the state directory (fresh for a replay; state is restored from changelogs)
     * @param properties       further configuration of kpi-streams, e.g. {@code tthc.topics.events}
     */
    public record Options(Path events, Path targets, String bootstrapServers, String applicationId, Path stateDir,
                          Map<String, Object> properties) {
        public Options {
            properties = Map.copyOf(properties);
        }
    }

    /** What the listener hears: lines produced of the total, events of the topic processed, and whether it is over. */
    public record Progress(long produced, long total, long processed, long eventsInTopic, Duration elapsed) {
    }

    private Replay() {
    }

    public static KpiReport run(final Options options, final Consumer<Progress> listener)
        throws IOException, InterruptedException {
        return run(options, DEFAULT_STALL_TIMEOUT, listener);
    }

    public static KpiReport run(final Options options, final Duration stallTimeout, final Consumer<Progress> listener)
        throws IOException, InterruptedException {
        final long total = EventFileProducer.countLines(options.events());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()))) {
            refuseWhenGroupIsActive(admin, options.applicationId());
            try (ApplicationContext context = startPipeline(options)) {
                final String eventsTopic = context.getBean(TopicsConfiguration.class).events();
                final ConsumerGroupProgress progress = new ConsumerGroupProgress(admin, options.applicationId(), eventsTopic);
                final PipelineGuard guard = new PipelineGuard(context, stallTimeout);
                final long started = System.nanoTime();
                try (EventFileProducer producer = new EventFileProducer(options.bootstrapServers(), eventsTopic);
                     Reporter reporter = new Reporter(listener, producer, progress, total, started)) {
                    final Future<Void> production = produceInBackground(producer, options.events());
                    awaitProcessed(production, producer, progress, guard);
                    // the subtree rows follow the own rows by up to an emit interval: their last parts are spread,
                    // committed, then summed (the lag of their repartition topic back at zero)
                    awaitSubtreesSpread(context.getBean(KafkaStreams.class), guard);
                    awaitProcessed(production, producer, progress, guard);
                    reporter.reportNow();
                }
                return awaitReport(context.getBean(KpiQueryService.class), guard);
            }
        }
    }

    /** Starts kpi-streams (without its HTTP server) as the options say; the pipeline runs until the context closes. */
    public static ApplicationContext startPipeline(final Options options) {
        return ApplicationContext.builder().environments("replay").properties(contextProperties(options)).start();
    }

    private static Map<String, Object> contextProperties(final Options options) {
        final Map<String, Object> properties = new HashMap<>(options.properties());
        properties.put("kafka.bootstrap.servers", options.bootstrapServers());
        properties.put("kafka.streams.default.application.id", options.applicationId());
        properties.put("kafka.streams.default.state.dir", options.stateDir().toString());
        properties.put("tthc.targets.file", options.targets() == null ? "" : options.targets().toString());
        return properties;
    }

    private static void refuseWhenGroupIsActive(final Admin admin, final String applicationId) throws InterruptedException {
        try {
            final ConsumerGroupDescription group =
                admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
            if (group != null && !group.members().isEmpty()) {
                throw new ReplayException("application id " + applicationId + " has " + group.members().size()
                    + " running member(s): stop kpi-streams before a backfill, or replay apart with --application-id");
            }
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new ReplayException("cannot reach the broker: " + e.getCause().getMessage());
            }
        }
    }

    /** Produces the file on a thread of its own, so that a pipeline that stops meanwhile is seen at once. */
    private static Future<Void> produceInBackground(final EventFileProducer producer, final Path events) {
        final FutureTask<Void> production = new FutureTask<>(() -> {
            producer.produce(events);
            return null;
        });
        final Thread thread = new Thread(production, "replay-producer");
        thread.setDaemon(true);
        thread.start();
        return production;
    }

    private static void awaitProcessed(final Future<Void> production, final EventFileProducer producer,
                                       final ConsumerGroupProgress progress, final PipelineGuard guard)
        throws IOException, InterruptedException {
        try {
            while (true) {
                // whether the production is over is read before the offsets: a snapshot taken before
                // the last records were acknowledged could show no lag
                final boolean produced = production.isDone();
                final ConsumerGroupProgress.Snapshot snapshot = progress.snapshot();
                if (produced) {
                    production.get();
                    if (snapshot.isDone()) {
                        return;
                    }
                }
                guard.check(List.of(producer.produced(), snapshot.eventsCommitted(), snapshot.totalLag()),
                    "the events to be processed");
                Thread.sleep(POLL_EVERY.toMillis());
            }
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new ReplayException("cannot follow the replay's progress: " + e.getCause().getMessage());
        }
    }

    private static void awaitSubtreesSpread(final KafkaStreams streams, final PipelineGuard guard)
        throws InterruptedException {
        while (!SpreadBacklog.isEmpty(streams)) {
            guard.check("subtree spread", "the own rows' last changes to be spread to the subtree rows");
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    private static KpiReport awaitReport(final KpiQueryService queries, final PipelineGuard guard)
        throws InterruptedException {
        while (true) {
            final QueryResult<KpiReport> result = queries.report();
            if (result instanceof QueryResult.Found<KpiReport> found) {
                return found.value();
            }
            guard.check("report", "the report to be readable");
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    /** Tells the listener how the replay goes, every two seconds and once at the end. */
    private static final class Reporter implements AutoCloseable {
        private final Consumer<Progress> listener;
        private final EventFileProducer producer;
        private final ConsumerGroupProgress progress;
        private final long total;
        private final long started;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "replay-progress");
            thread.setDaemon(true);
            return thread;
        });

        Reporter(final Consumer<Progress> listener, final EventFileProducer producer,
                 final ConsumerGroupProgress progress, final long total, final long started) {
            this.listener = listener;
            this.producer = producer;
            this.progress = progress;
            this.total = total;
            this.started = started;
            timer.scheduleAtFixedRate(this::reportQuietly, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        }

        void reportNow() throws InterruptedException {
            try {
                final ConsumerGroupProgress.Snapshot snapshot = progress.snapshot();
                listener.accept(new Progress(producer.produced(), total, snapshot.eventsCommitted(),
                    snapshot.eventsEnd(), Duration.ofNanos(System.nanoTime() - started)));
            } catch (final ExecutionException e) {
                listener.accept(new Progress(producer.produced(), total, -1, -1, Duration.ofNanos(System.nanoTime() - started)));
            }
        }

        private void reportQuietly() {
            try {
                reportNow();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
