package vn.tthc.monitor.kpi.failure;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In place of {@link SystemProcessExit} when {@code tthc.test.process-exit=recording}: notes the status, the test JVM lives on. */
@Singleton
@Replaces(SystemProcessExit.class)
@Requires(property = "tthc.test.process-exit", value = "recording")
public class RecordingProcessExit implements ProcessExit {

    private final List<Integer> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void exit(final int status) {
        statuses.add(status);
    }

    public List<Integer> statuses() {
        return List.copyOf(statuses);
    }
}
