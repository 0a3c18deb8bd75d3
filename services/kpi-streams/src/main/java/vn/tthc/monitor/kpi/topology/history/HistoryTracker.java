package vn.tthc.monitor.kpi.topology.history;

import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.HistoryFullException;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.kpi.topology.CountsBySource;
import vn.tthc.monitor.kpi.topology.DeliveryCounts;
import vn.tthc.monitor.kpi.topology.HistoryChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Applies each event to its entity's history (adds it, kept in event order whatever the order of
 * arrival, or takes it out) and forwards what the rules make of the history before and after
 * (the rules' {@code assess}, once each); an event that changes
 * nothing (a repeat, or one the history does not hold) forwards nothing. Adding, it counts each
 * delivery: accepted, duplicate when the history holds its id already, or rejected when the
 * history is full; a full history's {@link HistoryFullException} goes on to the processing
 * exception handler, which dead-letters the record (vn.tthc.monitor.kpi.deadletter).
 */
final class HistoryTracker<E extends Event, H, A> implements FixedKeyProcessor<String, Event, HistoryChange<A>> {

    private final String storeName;
    private final HistoryTopology.Rules<E, H, A> rules;
    private final BiFunction<H, E, H> change;
    private final boolean counting;
    private FixedKeyProcessorContext<String, HistoryChange<A>> context;
    private KeyValueStore<String, H> histories;
    private DeliveryCounts counts;
    private CountsBySource rejected;

    private HistoryTracker(final String storeName, final HistoryTopology.Rules<E, H, A> rules, final BiFunction<H, E, H> change,
                           final boolean counting) {
        this.storeName = storeName;
        this.rules = rules;
        this.change = change;
        this.counting = counting;
    }

    static <E extends Event, H, A> HistoryTracker<E, H, A> adding(final String storeName, final HistoryTopology.Rules<E, H, A> rules) {
        return new HistoryTracker<>(storeName, rules, rules.add(), true);
    }

    static <E extends Event, H, A> HistoryTracker<E, H, A> removing(final String storeName, final HistoryTopology.Rules<E, H, A> rules) {
        return new HistoryTracker<>(storeName, rules, rules.remove(), false);
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, HistoryChange<A>> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
        this.counts = counting ? DeliveryCounts.of(context) : null;
        this.rejected = counting ? new CountsBySource(context.getStateStore(StoreCatalog.REJECTED_COUNTS_STORE)) : null;
    }

    @Override
    public void process(final FixedKeyRecord<String, Event> record) {
        final H stored = histories.get(record.key());
        final H before = stored == null ? rules.empty().apply(record.key()) : stored;
        final H after;
        try {
            after = change.apply(before, rules.eventType().cast(record.value()));
        } catch (final HistoryFullException full) {
            // counted here, where the counts are; the handler writes the record the task read to the dead letters
            rejected.increment(record.value().source());
            throw full;
        }
        if (after == before) {
            if (counting) {
                counts.duplicate(record.value());
            }
            return;
        }
        if (counting) {
            counts.accepted(record.value());
        }
        histories.put(record.key(), after);
        context.forward(record.withValue(new HistoryChange<>(record.key(), record.value(),
            rules.assess().apply(before), rules.assess().apply(after))));
    }
}
