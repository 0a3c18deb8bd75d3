package vn.tthc.monitor.kpi.topology;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * A value one task's processor sets among Kafka Streams' metrics (tagged with the task's id) and removes when the task
 * closes; an instance sums it over its own tasks. How a stage tells a replay, a benchmark or an operator that work is
 * still on its way: {@code SpreadBacklog}, {@code ForecastReading}.
 */
public final class TaskGauge {

    /** What a gauge is: its metric's name, group and description. */
    public record Kind(String name, String group, String description) {

        /** The gauge summed over the tasks of the given metrics ({@code KafkaStreams.metrics()}, a test driver's). */
        public double sum(final Map<MetricName, ? extends Metric> metrics) {
            double sum = 0;
            for (final Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
                if (metric.getKey().name().equals(name) && metric.getKey().group().equals(group)) {
                    sum += ((Number) metric.getValue().metricValue()).doubleValue();
                }
            }
            return sum;
        }
    }

    private final StreamsMetrics metrics;
    private final Sensor sensor;

    private TaskGauge(final StreamsMetrics metrics, final Sensor sensor) {
        this.metrics = metrics;
        this.sensor = sensor;
    }

    /** The gauge of the context's task (the same sensor again when a revived task initialises again). */
    public static TaskGauge of(final ProcessorContext<?, ?> context, final Kind kind) {
        final String task = context.taskId().toString();
        final Sensor sensor = context.metrics().addSensor(kind.name() + "-" + task, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(kind.name(), kind.group(), kind.description(), Map.of("task-id", task)), new Value());
        return new TaskGauge(context.metrics(), sensor);
    }

    public void record(final double value) {
        sensor.record(value);
    }

    /** Removes the metric: the task is closed (or moves to another thread or instance, which has its own). */
    public void remove() {
        metrics.removeSensor(sensor);
    }
}
