package vn.tthc.monitor.kpi.query;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs queries on a bounded pool: a query in, its answer out within the time limit, else
 * {@link QueryResult.Overloaded} (and its thread is interrupted, which stops its store scans); when
 * every thread is busy and the waiting line is full, {@link QueryResult.Overloaded} at once.
 */
final class QueryRunner implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    QueryRunner(final int threads, final int waiting, final Duration timeout) {
        final AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(waiting),
            task -> {
                final Thread thread = new Thread(task, "kpi-query-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        this.timeout = timeout;
    }

    <T> QueryResult<T> run(final Supplier<QueryResult<T>> query) {
        final Future<QueryResult<T>> answer;
        try {
            answer = pool.submit(query::get);
        } catch (final RejectedExecutionException e) {
            return new QueryResult.Overloaded<>("too many queries waiting");
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final TimeoutException e) {
            answer.cancel(true);
            return new QueryResult.Overloaded<>("no answer within " + timeout.toMillis() + " ms");
        } catch (final InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new QueryResult.Overloaded<>("interrupted");
        } catch (final ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
