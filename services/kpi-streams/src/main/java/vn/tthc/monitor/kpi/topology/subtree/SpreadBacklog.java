package vn.tthc.monitor.kpi.topology.subtree;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Whether the own rows of a task still have changes on their way to the subtree rows: the metric
 * {@value #METRIC} (group {@value #GROUP}, one per task of the own rows) is 1 from an own row's change until the
 * spread that carries it is committed, and while a spread of all rows waits, else 0. A replay waits for it to be 0
 * everywhere (after the events and before the repartitioned parts are all processed) before it reads the report.
 */
public final class SpreadBacklog {

    public static final String METRIC = "subtree-spread-pending";
    public static final String GROUP = "tthc-subtree";

    private final StreamsMetrics metrics;
    private final Sensor sensor;

    private SpreadBacklog(final StreamsMetrics metrics, final Sensor sensor) {
        this.metrics = metrics;
        this.sensor = sensor;
    }

    /** The backlog metric of the context's task (the same sensor again when a revived task initialises again). */
    static SpreadBacklog of(final ProcessorContext<?, ?> context) {
        final String task = context.taskId().toString();
        final Sensor sensor = context.metrics().addSensor("subtree-spread-backlog-" + task, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(METRIC, GROUP,
            "1 while own rows of the task changed since their last committed spread to the subtree rows, else 0",
            Map.of("task-id", task)), new Value());
        return new SpreadBacklog(context.metrics(), sensor);
    }

    void record(final boolean pending) {
        sensor.record(pending ? 1 : 0);
    }

    /** Removes the metric: the task is closed (or moves to another thread or instance, which has its own). */
    void remove() {
        metrics.removeSensor(sensor);
    }

    /** Whether no task of the own rows in this instance has changes still on their way to the subtree rows. */
    public static boolean isEmpty(final KafkaStreams streams) {
        for (final Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            if (metric.getKey().name().equals(METRIC) && metric.getKey().group().equals(GROUP)
                && ((Number) metric.getValue().metricValue()).doubleValue() > 0) {
                return false;
            }
        }
        return true;
    }
}
