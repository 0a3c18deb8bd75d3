package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.event.Event;

/**
 * Adds each event to its entity's history, kept in event order whatever the order of arrival, and
 * forwards the history before and after; a repeated event changes nothing and forwards nothing.
 */
final class HistoryTracker<E extends Event, H> implements FixedKeyProcessor<String, Event, HistoryChange<H>> {

    private final String storeName;
    private final HistoryTopology.Rules<E, H> rules;
    private FixedKeyProcessorContext<String, HistoryChange<H>> context;
    private KeyValueStore<String, H> histories;

    HistoryTracker(final String storeName, final HistoryTopology.Rules<E, H> rules) {
        this.storeName = storeName;
        this.rules = rules;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, HistoryChange<H>> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
    }

    @Override
    public void process(final FixedKeyRecord<String, Event> record) {
        final H stored = histories.get(record.key());
        final H before = stored == null ? rules.empty().apply(record.key()) : stored;
        final H after = rules.add().apply(before, rules.eventType().cast(record.value()));
        if (after == before) {
            return;
        }
        histories.put(record.key(), after);
        context.forward(record.withValue(new HistoryChange<>(record.key(), before, after)));
    }
}
