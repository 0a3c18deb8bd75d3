package vn.tthc.monitor.kpi.actions;

import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * Reads {@link ActionTopology#STORE} on this instance only: the partitions it holds (interactive queries, as
 * {@code KpiQueryService}). {@link ActionQueries} answers for every alert from these answers of every instance.
 * Not ready while the streams are not running or the store is restoring.
 */
@Singleton
public class ActionStore {

    /** The most actions {@link #latest} returns. */
    public static final int MAX_LISTED = 5_000;

    private final KafkaStreams streams;

    public ActionStore(final KafkaStreams streams) {
        this.streams = streams;
    }

    /** The current action of the alert in this instance's partitions; not found when there is none. */
    public QueryResult<CorrectiveAction> get(final List<String> alertKey) {
        final String key = AlertKeys.text(alertKey);
        return read(store -> {
            final CorrectiveAction action = store.get(key);
            return action == null ? new QueryResult.NotFound<>("corrective action of alert " + key)
                : new QueryResult.Found<>(action);
        });
    }

    /** This instance's current actions, the latest recorded first, at most {@value #MAX_LISTED}. */
    public QueryResult<List<CorrectiveAction>> latest() {
        return read(store -> {
            try (KeyValueIterator<String, CorrectiveAction> entries = store.all()) {
                return LatestActions.newest(values(entries), MAX_LISTED);
            }
        });
    }

    private <T> QueryResult<T> read(final Function<ReadOnlyKeyValueStore<String, CorrectiveAction>, QueryResult<T>> query) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new QueryResult.NotReady<>("Kafka Streams is " + streams.state() + " on this instance");
        }
        try {
            return query.apply(streams.store(StoreQueryParameters.fromNameAndType(ActionTopology.STORE,
                QueryableStoreTypes.<String, CorrectiveAction>keyValueStore())));
        } catch (final InvalidStateStoreException e) {
            return new QueryResult.NotReady<>(ActionTopology.STORE + " on this instance: " + e.getMessage());
        }
    }

    private static Iterator<CorrectiveAction> values(final KeyValueIterator<String, CorrectiveAction> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public CorrectiveAction next() {
                return entries.next().value;
            }
        };
    }
}
