package vn.tthc.monitor.simulator.sink;

import java.util.Map;

/** Where the simulated events go: a JSON Lines file, the events topic, or the ingest gateway. */
public interface EventSink extends AutoCloseable {

    void send(Delivery delivery) throws Exception;

    /** Delivers whatever is buffered; called before the simulator waits and at the end. */
    void flush() throws Exception;

    /** Counters for the progress log, e.g. {@code written}, {@code accepted}. */
    Map<String, Object> progress();

    @Override
    void close() throws Exception;
}
