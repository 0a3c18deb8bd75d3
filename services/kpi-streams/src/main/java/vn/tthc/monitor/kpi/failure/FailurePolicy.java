package vn.tthc.monitor.kpi.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Which stream-thread failures are replaced in place and which end the process (docs/FAILURES.md).
 * In: the exception and the time; out: Kafka Streams' response. A failure caused by a transient broker error (a {@link RetriableException} anywhere in its causes: time-outs,
 * a leader that moved, a lost connection) gets a new thread, at most {@code maxReplacements} times
 * within {@code window}; everything else, and a transient error repeated more often, shuts the client
 * down (a record that failed once fails again on a new thread, state-store IO errors do not heal).
 */
public final class FailurePolicy {

    private final int maxReplacements;
    private final Duration window;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    public FailurePolicy(final int maxReplacements, final Duration window) {
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    public synchronized StreamThreadExceptionResponse decide(final Throwable exception, final Instant now) {
        if (!isTransient(exception)) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    static boolean isTransient(final Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
