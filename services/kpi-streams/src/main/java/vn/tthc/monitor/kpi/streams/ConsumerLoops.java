package vn.tthc.monitor.kpi.streams;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Stops a background loop that polls a Kafka consumer on a thread of its own (the console's change feed, the
 * verdict archive and the report archiver): its caller has set the loop's running flag to false; this wakes the
 * consumer out of its poll and waits up to {@code wait} for the thread to end.
 */
public final class ConsumerLoops {

    private ConsumerLoops() {
    }

    /** {@code consumer} and {@code thread} may be null (the loop never started). */
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
