package vn.tthc.monitor.kpi.actions;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * The corrective-actions stage: the events of the corrective-actions topic (key: the alert key as JSON), folded per
 * alert by {@link CorrectiveAction#apply} into {@value #STORE}, which the API reads. A sub-topology of its own in the
 * default stream: it shares no task with the KPI stages, and a record it cannot read goes to the dead letters.
 */
public final class ActionTopology {

    /** The current corrective action of each alert (JSON), by alert key. */
    public static final String STORE = "corrective-actions-store";

    private ActionTopology() {
    }

    public static void addTo(final StreamsBuilder builder, final String topic) {
        builder.stream(topic, Consumed.with(Serdes.String(), JacksonSerde.json(ActionEvent.class))
                .withName("read-corrective-actions"))
            .filter((key, event) -> key != null && event != null, Named.as("filter-corrective-actions"))
            .groupByKey(Grouped.with("group-corrective-actions", Serdes.String(), JacksonSerde.json(ActionEvent.class)))
            .aggregate(() -> null, (key, event, action) -> CorrectiveAction.apply(action, event),
                Named.as("fold-corrective-actions"),
                Materialized.<String, CorrectiveAction, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(STORE)
                    .withKeySerde(Serdes.String()).withValueSerde(JacksonSerde.json(CorrectiveAction.class)));
    }
}
