package vn.tthc.monitor.kpi.streams;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Starts and stops a background loop that polls a Kafka consumer on a thread of its own (the console's change feed,
 * the verdict archive and the report archiver).
 */
public final class ConsumerLoops {

    private ConsumerLoops() {
    }

    /** Runs {@code loop} on a new daemon thread named {@code name}, started. */
    public static Thread start(final String name, final Runnable loop) {
        final Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Stops a loop whose running flag its caller has set to false: wakes {@code consumer} out of its poll and waits
     * up to {@code wait} for {@code thread} to end. Either may be null (the loop never started).
     */
    public static void stop(final KafkaConsumer<?, ?> consumer, final Thread thread, final Duration wait) {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(wait.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
