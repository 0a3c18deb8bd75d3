package vn.tthc.monitor.kpi.sample;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import vn.tthc.monitor.contract.event.Event;

/**
 * Live sample traffic for the local default run: new cases every second, each living through its
 * days in minutes ({@code --day-seconds}), sent to the events topic as they happen.
 */
@CommandLine.Command(name = "sample-traffic", mixinStandardHelpOptions = true,
    description = "Sends live, made-up case events to the events topic.")
public final class LiveTraffic implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTraffic.class);
    private static final Duration TICK = Duration.ofMillis(200);

    @CommandLine.Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers")
    String bootstrap;

    @CommandLine.Option(names = "--topic", defaultValue = "tthc-events", description = "the events topic")
    String topic;

    @CommandLine.Option(names = "--cases-per-second", defaultValue = "5", description = "new cases per second")
    double casesPerSecond;

    @CommandLine.Option(names = "--day-seconds", defaultValue = "60", description = "how many seconds a case's day lasts")
    long daySeconds;

    @CommandLine.Option(names = "--seed", defaultValue = "1", description = "seed of the made-up cases")
    long seed;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new LiveTraffic()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        final Clock clock = Clock.systemUTC();
        final CaseLifecycles lifecycles = new CaseLifecycles(SampleProvince.standard(), Duration.ofSeconds(daySeconds),
            "L" + seed + "-" + clock.millis() + "-");
        final TimedEvents pending = new TimedEvents();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            LOG.info("sending sample traffic to {} at {}, {} cases/s", topic, bootstrap, casesPerSecond);
            long started = 0;
            final Instant begin = clock.instant();
            while (!Thread.currentThread().isInterrupted()) {
                final Instant now = clock.instant();
                final long due = (long) (Duration.between(begin, now).toMillis() / 1000.0 * casesPerSecond);
                for (; started < due; started++) {
                    pending.addAll(lifecycles.caseEvents(seed * 1_000_000_000L + started, now));
                }
                pending.takeUntil(now, event -> send(producer, event));
                Thread.sleep(TICK.toMillis());
            }
        }
        return 0;
    }

    private void send(final KafkaProducer<byte[], byte[]> producer, final Event event) {
        producer.send(new ProducerRecord<>(topic, event.key().getBytes(StandardCharsets.UTF_8),
            SampleHistory.json(event).getBytes(StandardCharsets.UTF_8)));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
