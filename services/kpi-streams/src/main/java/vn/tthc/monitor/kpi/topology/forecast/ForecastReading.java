package vn.tthc.monitor.kpi.topology.forecast;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * How far a started task of the forecast has read its open cases back: the metric {@value #METRIC} (group
 * {@value #GROUP}, one per task) is the number of units whose open cases the store holds and the tracker's memory
 * does not yet ({@link ForecastTracker} reads them when first needed and in slices by each check, all within the first
 * pass over every unit). 0 once the tracker's memory is whole: the progress of a start after a restore, and the moment
 * `./tthc bench-restore` takes the heap at.
 */
public final class ForecastReading {

    public static final String METRIC = "forecast-units-unread";
    public static final String GROUP = "tthc-forecast";

    private final StreamsMetrics metrics;
    private final Sensor sensor;

    private ForecastReading(final StreamsMetrics metrics, final Sensor sensor) {
        this.metrics = metrics;
        this.sensor = sensor;
    }

    /** The metric of the context's task (the same sensor again when a revived task initialises again). */
    static ForecastReading of(final ProcessorContext<?, ?> context) {
        final String task = context.taskId().toString();
        final Sensor sensor = context.metrics().addSensor("forecast-reading-" + task, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(METRIC, GROUP,
            "units of the task whose open cases the forecast has not read back from its store since the task started",
            Map.of("task-id", task)), new Value());
        return new ForecastReading(context.metrics(), sensor);
    }

    void record(final int unreadUnits) {
        sensor.record(unreadUnits);
    }

    /** Removes the metric: the task is closed (or moves to another thread or instance, which has its own). */
    void remove() {
        metrics.removeSensor(sensor);
    }

    /** The units not read back yet, over every forecast task of this instance. */
    public static long unreadUnits(final KafkaStreams streams) {
        long unread = 0;
        for (final Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            if (metric.getKey().name().equals(METRIC) && metric.getKey().group().equals(GROUP)) {
                unread += Math.round(((Number) metric.getValue().metricValue()).doubleValue());
            }
        }
        return unread;
    }
}
