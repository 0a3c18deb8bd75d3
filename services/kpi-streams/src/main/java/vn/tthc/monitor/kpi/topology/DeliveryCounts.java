package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.processor.api.ProcessingContext;
import vn.tthc.monitor.contract.event.Event;

/** The valid deliveries counted per source system: accepted (counted in the KPIs) or duplicate (an id seen before). */
public record DeliveryCounts(CountsBySource accepted, CountsBySource duplicates) {

    /** The counts of a processor connected to the accepted and duplicate counts stores ({@link StoreCatalog}). */
    public static DeliveryCounts of(final ProcessingContext context) {
        return new DeliveryCounts(new CountsBySource(context.getStateStore(StoreCatalog.ACCEPTED_COUNTS_STORE)),
            new CountsBySource(context.getStateStore(StoreCatalog.DUPLICATE_COUNTS_STORE)));
    }

    public void accepted(final Event event) {
        accepted.increment(event.source());
    }

    public void duplicate(final Event event) {
        duplicates.increment(event.source());
    }

    /** An event counted accepted turned out to repeat an id delivered before under another key. */
    public void retracted(final Event event) {
        accepted.add(event.source(), -1);
        duplicates.increment(event.source());
    }
}
