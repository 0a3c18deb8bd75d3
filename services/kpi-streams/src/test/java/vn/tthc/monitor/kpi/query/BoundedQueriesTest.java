package vn.tthc.monitor.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Every query answers within its time limit and lists at most its maximum, flagged truncated. */
class BoundedQueriesTest {

    @Test
    void aQueryPastItsTimeLimitIsAnsweredOverloadedAndItsThreadInterrupted() throws Exception {
        final CountDownLatch interrupted = new CountDownLatch(1);
        try (QueryRunner runner = new QueryRunner(1, 1, Duration.ofMillis(200))) {
            final QueryResult<String> answer = runner.run(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (final InterruptedException e) {
                    interrupted.countDown();
                }
                return new QueryResult.Found<>("too late");
            });
            assertThat(answer).isInstanceOf(QueryResult.Overloaded.class);
            assertThat(((QueryResult.Overloaded<String>) answer).reason()).isEqualTo("no answer within 200 ms");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void whenEveryThreadIsBusyAndTheLineIsFullAQueryIsOverloadedAtOnce() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        try (QueryRunner runner = new QueryRunner(1, 1, Duration.ofSeconds(30))) {
            final AtomicBoolean firstDone = new AtomicBoolean();
            final Thread first = new Thread(() -> {
                runner.run(() -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (final InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new QueryResult.Found<>("first");
                });
                firstDone.set(true);
            });
            first.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            final Thread second = new Thread(() -> runner.run(() -> new QueryResult.Found<>("second")));
            second.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.TIMED_WAITING);

            assertThat(runner.run(() -> new QueryResult.Found<>("third"))).isEqualTo(new QueryResult.Overloaded<>("too many queries waiting"));
            release.countDown();
            first.join();
            second.join();
            assertThat(firstDone).isTrue();
        }
    }

    @Test
    void aListKeepsItsFirstItemsInOrderAndSaysSomeWereLeftOut() {
        final FirstItems<Integer> first = new FirstItems<>(3, Comparator.<Integer>naturalOrder());
        List.of(9, 4, 7, 1, 8, 2).forEach(first::add);
        assertThat(first.found()).isEqualTo(new QueryResult.Found<>(List.of(1, 2, 4), true));

        final FirstItems<Integer> all = new FirstItems<>(3, Comparator.<Integer>naturalOrder());
        List.of(5, 3).forEach(all::add);
        assertThat(all.found()).isEqualTo(new QueryResult.Found<>(List.of(3, 5), false));
    }
}
