package vn.tthc.monitor.kpi.topology.history;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The histories of one kind read and written most recently in each task, kept decoded in memory: the next event of
 * a case comes a few thousand events after the one before, and reading its history back from the store looks it up
 * in the record cache and decodes it every time. The store stays what exactly-once commits: every change is written
 * to it at once, and memory only spares the reads.
 *
 * <p>Per task, not per processor: both processors that change a store (adding events, taking retracted ones out)
 * run in the task of the entity and must see each other's changes. A task is known by its state directory, which
 * no other task of any instance in the process shares; it runs on one thread at a time. Each processor takes its
 * task's histories when it is initialised, empty (a task that starts, or one revived after an aborted transaction),
 * and lets them go when it is closed.
 */
final class RecentHistories<H> {

    private final int capacity;
    private final Map<File, Map<String, H>> byTask = new ConcurrentHashMap<>();

    /** {@code capacity}: how many decoded histories a task keeps, the least recently used leaving first. */
    RecentHistories(final int capacity) {
        this.capacity = capacity;
    }

    /** The histories of the task with this state directory, empty. */
    Map<String, H> ofTask(final File taskDirectory) {
        final Map<String, H> recent = byTask.computeIfAbsent(taskDirectory, task -> new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, H> eldest) {
                return size() > capacity;
            }
        });
        recent.clear();
        return recent;
    }

    /** Lets the histories of the task with this state directory go. */
    void forget(final File taskDirectory) {
        byTask.remove(taskDirectory);
    }
}
