package vn.tthc.monitor.kpi.actions;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.action.CorrectiveAction;

/**
 * Reads {@link ActionTopology#STORE} on this instance (interactive queries, as the rest of the query API).
 * {@link NotReady} while the streams are not running or the store is restoring.
 */
@Singleton
public class ActionStore {

    /** The most actions {@link #all} returns. */
    public static final int MAX_LISTED = 5_000;

    private final KafkaStreams streams;

    public ActionStore(final KafkaStreams streams) {
        this.streams = streams;
    }

    /** The current action of the alert, if any. */
    public Optional<CorrectiveAction> get(final List<String> alertKey) {
        return Optional.ofNullable(store().get(AlertKeys.text(alertKey)));
    }

    /** Every current action, at most {@value #MAX_LISTED}. */
    public List<CorrectiveAction> all() {
        final List<CorrectiveAction> all = new ArrayList<>();
        try (KeyValueIterator<String, CorrectiveAction> entries = store().all()) {
            while (entries.hasNext() && all.size() < MAX_LISTED) {
                final KeyValue<String, CorrectiveAction> entry = entries.next();
                all.add(entry.value);
            }
        }
        return all;
    }

    private ReadOnlyKeyValueStore<String, CorrectiveAction> store() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotReady("Kafka Streams is " + streams.state());
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(ActionTopology.STORE,
                QueryableStoreTypes.<String, CorrectiveAction>keyValueStore()));
        } catch (final InvalidStateStoreException e) {
            throw new NotReady(e.getMessage());
        }
    }

    /** The store cannot be read now; retry shortly. */
    public static final class NotReady extends RuntimeException {
        public NotReady(final String reason) {
            super(reason);
        }
    }
}
