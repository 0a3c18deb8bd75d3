package vn.tthc.monitor.kpi.query.instances;

import com.fasterxml.jackson.databind.JavaType;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * Finds which instance answers a query, from Kafka Streams' metadata, and asks it over HTTP when it is another one
 * ({@link InstanceQueryController}): a query of one key goes to the instance that holds the key actively
 * ({@code queryMetadataForKey}); a query of every unit gathers the local answers of every instance that holds active
 * partitions. Any instance not ready, not answering or overloaded, or partitions moving between instances while the
 * answers were gathered, make the whole answer "not ready" naming that part: never a partial answer. Calls carry
 * the operator key when sign-in is on.
 */
@Singleton
public class InstanceRouter {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRouter.class);

    private final KafkaStreams streams;
    private final AdvertisedInstance self;
    private final HttpClient http;
    private final Duration timeout;
    private final String authorization;

    public InstanceRouter(final KafkaStreams streams, final AdvertisedInstance self,
                          @Value("${tthc.query.timeout:5s}") final Duration queryTimeout,
                          @Value("${tthc.security.required:false}") final boolean signInRequired,
                          @Value("${tthc.operator-key:}") final String operatorKey) {
        this.streams = streams;
        this.self = self;
        // the other instance's own time limit, plus the way there and back
        this.timeout = queryTimeout.plusSeconds(2);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.authorization = signInRequired && !operatorKey.isBlank() ? "Bearer " + operatorKey.strip() : null;
        if (signInRequired && operatorKey.isBlank() && self.host().isPresent()) {
            LOG.warn("sign-in is on but TTHC_OPERATOR_KEY is unset: the other instances will refuse this one's queries"
                + " (401), and queries of units they hold answer 503");
        }
    }

    /** The answer of the instance that holds {@code key} (a String key) of {@code store} actively now. */
    public <T> QueryResult<T> fromOwner(final String store, final String key, final String path, final JavaType type,
                                        final Supplier<QueryResult<T>> local) {
        final Optional<HostInfo> me = self.host();
        if (me.isEmpty()) {
            return local.get();
        }
        final Optional<HostInfo> owner = owner(store, key);
        if (owner.isEmpty()) {
            return new QueryResult.NotReady<>("the instance holding " + key + " in " + store
                + " is not known yet (rebalancing or restoring)");
        }
        return owner.get().equals(me.get()) ? local.get() : join(ask(owner.get(), path), owner.get(), type);
    }

    /** Whether this instance holds {@code key} of {@code store} actively now (always, when it runs alone). */
    public boolean holds(final String store, final String key) {
        return self.host().isEmpty() || owner(store, key).equals(self.host());
    }

    private Optional<HostInfo> owner(final String store, final String key) {
        final KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (final IllegalStateException e) {
            return Optional.empty();
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost().port() < 0) {
            return Optional.empty();
        }
        return Optional.of(metadata.activeHost());
    }

    /**
     * The found answers of every instance that holds active partitions (this one's from {@code local}), those found
     * nothing left out; or the first answer that is not ready or overloaded, naming its instance.
     */
    public <T> QueryResult<List<QueryResult.Found<T>>> fromEveryInstance(final String path, final JavaType type,
                                                                      final Supplier<QueryResult<T>> local) {
        final Optional<HostInfo> me = self.host();
        if (me.isEmpty()) {
            return collect(List.of(local.get()));
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new QueryResult.NotReady<>("Kafka Streams is " + streams.state() + " on this instance");
        }
        final Map<HostInfo, Set<TopicPartition>> before = assignment();
        if (before.isEmpty()) {
            return new QueryResult.NotReady<>("no instance holds partitions yet (rebalancing)");
        }
        final Map<HostInfo, CompletableFuture<HttpResponse<String>>> asked = new HashMap<>();
        before.keySet().stream().filter(host -> !host.equals(me.get())).forEach(host -> asked.put(host, ask(host, path)));
        final List<QueryResult<T>> answers = new ArrayList<>();
        if (before.containsKey(me.get())) {
            answers.add(local.get());
        }
        asked.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(HostInfo::toString)))
            .forEach(entry -> answers.add(join(entry.getValue(), entry.getKey(), type)));
        if (!assignment().equals(before)) {
            return new QueryResult.NotReady<>("partitions moved between instances while the answer was gathered"
                + " (rebalancing)");
        }
        return collect(answers);
    }

    private static <T> QueryResult<List<QueryResult.Found<T>>> collect(final List<QueryResult<T>> answers) {
        final List<QueryResult.Found<T>> found = new ArrayList<>();
        for (final QueryResult<T> answer : answers) {
            if (answer instanceof QueryResult.Found<T> part) {
                found.add(part);
            } else if (answer instanceof QueryResult.NotReady<T> || answer instanceof QueryResult.Overloaded<T>) {
                return answer.map(any -> List.of());
            }
        }
        return new QueryResult.Found<>(found);
    }

    /** Each instance's active partitions, as Kafka Streams' metadata has them now. */
    private Map<HostInfo, Set<TopicPartition>> assignment() {
        final Map<HostInfo, Set<TopicPartition>> byHost = new HashMap<>();
        for (final StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
            if (!metadata.topicPartitions().isEmpty()) {
                byHost.computeIfAbsent(metadata.hostInfo(), any -> new HashSet<>()).addAll(metadata.topicPartitions());
            }
        }
        return byHost;
    }

    private CompletableFuture<HttpResponse<String>> ask(final HostInfo host, final String path) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(self.urlOf(host) + path)).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> QueryResult<T> join(final CompletableFuture<HttpResponse<String>> call, final HostInfo host,
                                    final JavaType type) {
        final String instance = self.urlOf(host).toString();
        final HttpResponse<String> response;
        try {
            response = call.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueryResult.NotReady<>("interrupted while asking instance " + instance);
        } catch (final ExecutionException | TimeoutException e) {
            final Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return new QueryResult.NotReady<>("instance " + instance + " did not answer ("
                + (cause instanceof IOException || cause instanceof TimeoutException ? cause.getClass().getSimpleName() : cause)
                + ")");
        }
        if (response.statusCode() != 200) {
            return new QueryResult.NotReady<>("instance " + instance + " answered HTTP " + response.statusCode()
                + (response.statusCode() == 401 || response.statusCode() == 403 ? " (is TTHC_OPERATOR_KEY the same on every instance?)" : ""));
        }
        return Wire.decode(response.body(), type, instance);
    }
}
