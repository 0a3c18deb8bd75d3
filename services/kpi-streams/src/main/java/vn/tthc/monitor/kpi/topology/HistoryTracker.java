package vn.tthc.monitor.kpi.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.kpi.KpiContribution;

/**
 * Adds each event to its entity's history and re-assesses the entity from the whole history, so
 * the order of arrival does not matter. Forwards the change in the entity's KPI contribution, if
 * any: a late event subtracts what the entity counted before and adds what it counts now.
 */
final class HistoryTracker<E extends Event, H> implements FixedKeyProcessor<String, Event, KpiContribution> {

    private final String storeName;
    private final HistoryTopology.Rules<E, H> rules;
    private FixedKeyProcessorContext<String, KpiContribution> context;
    private KeyValueStore<String, H> histories;

    HistoryTracker(final String storeName, final HistoryTopology.Rules<E, H> rules) {
        this.storeName = storeName;
        this.rules = rules;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, KpiContribution> context) {
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
        final KpiContribution change = rules.contribution().apply(after).minus(rules.contribution().apply(before));
        if (!change.isEmpty()) {
            context.forward(record.withValue(change));
        }
    }
}
