package vn.tthc.monitor.simulator.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.ingest.client.EventOutcome;
import vn.tthc.monitor.ingest.client.IngestClient;
import vn.tthc.monitor.ingest.client.IngestResult;
import vn.tthc.monitor.ingest.client.event.IngestEvent;

/**
 * Sends events through the ingest gateway with the ingest client, {@code batchSize} at a time (and
 * whatever is buffered whenever the simulator is about to wait). Rejected events are logged with
 * their reason; an exception of the client (bad key, gateway down through every retry) stops the run.
 * The client sends event objects, so a broken line cannot go this way (the command refuses {@code --broken}).
 */
public final class GatewaySink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySink.class);
    private static final int LOGGED_REJECTIONS = 20;

    private final IngestClient client;
    private final int batchSize;
    private final List<IngestEvent> buffer = new ArrayList<>();
    private long accepted;
    private long duplicates;
    private long rejected;

    public GatewaySink(final IngestClient client, final int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    @Override
    public void send(final Delivery delivery) throws InterruptedException {
        if (!(delivery instanceof Delivery.Valid valid)) {
            throw new IllegalArgumentException("the ingest client sends events of the contract, not broken lines");
        }
        buffer.add(valid.event());
        if (buffer.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void flush() throws InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        final IngestResult result = client.send(List.copyOf(buffer));
        buffer.clear();
        accepted += result.accepted();
        duplicates += result.duplicates();
        for (final EventOutcome outcome : result.rejectedEvents()) {
            if (rejected++ < LOGGED_REJECTIONS) {
                LOG.warn("the gateway rejected event {}: {}", outcome.eventId(), outcome.reason());
            }
        }
    }

    @Override
    public Map<String, Object> progress() {
        return Map.of("accepted", accepted, "duplicates", duplicates, "rejected", rejected);
    }

    @Override
    public void close() {
        // the client holds no resource of its own
    }
}
