package vn.tthc.monitor.kpi.topology.forecast;

import org.apache.kafka.streams.KafkaStreams;
import vn.tthc.monitor.kpi.topology.TaskGauge;

/**
 * How far a started task of the forecast has read its open cases back: the metric {@code forecast-units-unread} (group
 * {@code tthc-forecast}, one per task, set by {@link ForecastTracker}) is the number of units whose open cases the
 * store holds and the tracker's memory does not yet (it reads them when first needed and in slices by each check, all
 * within the first pass over every unit). 0 once the tracker's memory is whole: the progress of a start after a
 * restore, and the moment {@code ./tthc bench-restore} takes the heap at.
 */
public final class ForecastReading {

    public static final TaskGauge.Kind GAUGE = new TaskGauge.Kind("forecast-units-unread", "tthc-forecast",
        "units of the task whose open cases the forecast has not read back from its store since the task started");

    private ForecastReading() {
    }

    /** The units not read back yet, over every forecast task of this instance. */
    public static long unreadUnits(final KafkaStreams streams) {
        return Math.round(GAUGE.sum(streams.metrics()));
    }
}
