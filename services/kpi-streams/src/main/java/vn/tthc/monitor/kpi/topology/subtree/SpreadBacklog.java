package vn.tthc.monitor.kpi.topology.subtree;

import org.apache.kafka.streams.KafkaStreams;
import vn.tthc.monitor.kpi.topology.TaskGauge;

/**
 * Whether the own rows of a task still have changes on their way to the subtree rows: the metric
 * {@code subtree-spread-pending} (group {@code tthc-subtree}, one per task of the own rows, set by
 * {@link SubtreeSpreader}) is 1 from an own row's change until the spread that carries it is committed, and while a
 * spread of all rows waits, else 0. A replay waits for it to be 0 everywhere (after the events and before the
 * repartitioned parts are all processed) before it reads the report.
 */
public final class SpreadBacklog {

    public static final TaskGauge.Kind GAUGE = new TaskGauge.Kind("subtree-spread-pending", "tthc-subtree",
        "1 while own rows of the task changed since their last committed spread to the subtree rows, else 0");

    private SpreadBacklog() {
    }

    /** Whether no task of the own rows in this instance has changes still on their way to the subtree rows. */
    public static boolean isEmpty(final KafkaStreams streams) {
        return GAUGE.sum(streams.metrics()) == 0;
    }
}
