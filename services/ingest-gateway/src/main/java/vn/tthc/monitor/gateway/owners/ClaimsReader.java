package vn.tthc.monitor.gateway.owners;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the entity owners topic into the {@link OwnersStore}, on a thread of its own: at start from
 * the offsets the store reached (from the beginning when the store is new), then following the topic.
 * Claims that lost are deleted from the topic. {@link State#LOADED} once it has read up to the end
 * offsets the topic had when this reader started.
 */
public final class ClaimsReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsReader.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Where the reader is: preparing the topic and store, reading the claims there were at start, following, or stopped by a failure. */
    public enum State { STARTING, LOADING, LOADED, FAILED }

    /** The settings of the reader: the topic's, and the store's directory and block cache. */
    public record Settings(String bootstrapServers, int partitions, short replicationFactor, Path directory,
                           long cacheBytes) {
    }

    private final Settings settings;
    private final Admin admin;
    private final ClaimsTopic topic;
    private final Consumer<String> onRead;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong claimsRead = new AtomicLong();
    private volatile State state = State.STARTING;
    private volatile String error;
    private volatile OwnersStore store;
    private volatile int partitions;
    private volatile Map<Integer, Long> positions = Map.of();
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /** {@code onRead} is told the entity of every claim read, once the store has it. */
    public ClaimsReader(final Settings settings, final Admin admin, final ClaimsTopic topic, final Consumer<String> onRead) {
        this.settings = settings;
        this.admin = admin;
        this.topic = topic;
        this.onRead = onRead;
        this.thread = new Thread(this::run, "entity-owners-reader");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public State state() {
        return state;
    }

    /** Why the reader failed or is retrying its start, or {@code null}. */
    public String error() {
        return error;
    }

    /** The owner the store has for {@code entity}, or {@code null}; {@code null} too before the store is open. */
    public String owner(final String entity) {
        final OwnersStore opened = store;
        return opened == null ? null : opened.owner(entity);
    }

    /** The topic's partition count, once known ({@link State#LOADING} and after). */
    public int partitions() {
        return partitions;
    }

    /** The next offset to read of each partition (partition → offset). */
    public Map<Integer, Long> positions() {
        return positions;
    }

    /** Claims read since this reader started (the store may have had others already). */
    public long claimsRead() {
        return claimsRead.get();
    }

    /** The store, once open, for its figures. */
    public OwnersStore store() {
        return store;
    }

    private void run() {
        try {
            final Map<Integer, Long> endAtStart = prepare();
            if (endAtStart == null) {
                return;
            }
            final long started = System.nanoTime();
            read(List.of());
            while (closing.getCount() > 0) {
                if (state == State.LOADING && caughtUp(endAtStart)) {
                    state = State.LOADED;
                    LOG.atInfo().addKeyValue("claimsRead", claimsRead.get())
                        .addKeyValue("millis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                        .log("entity owners loaded");
                }
                read(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (final WakeupException e) {
            if (closing.getCount() > 0) {
                fail(e);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final RocksDBException | RuntimeException e) {
            fail(e);
        } finally {
            final KafkaConsumer<byte[], byte[]> opened = consumer;
            if (opened != null) {
                opened.close(Duration.ofSeconds(5));
            }
        }
    }

    /**
     * Creates the topic when missing, opens the store and places the consumer where the store
     * stopped; retried until it succeeds or the reader is closed (then {@code null}). Returns the
     * end offsets of the topic now: read up to them, the store is loaded.
     */
    private Map<Integer, Long> prepare() throws RocksDBException, InterruptedException {
        while (true) {
            try {
                final ClaimsTopic.Description description = topic.ensure(admin, settings.partitions(),
                    settings.replicationFactor());
                if (store == null) {
                    store = OwnersStore.open(settings.directory(), description.topicId(), settings.cacheBytes());
                }
                partitions = description.partitions();
                final List<TopicPartition> assigned = new ArrayList<>();
                for (int p = 0; p < description.partitions(); p++) {
                    assigned.add(new TopicPartition(topic.name(), p));
                }
                if (consumer == null) {
                    consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                }
                consumer.assign(assigned);
                final Map<Integer, Long> stored = store.positions(description.partitions());
                for (final TopicPartition partition : assigned) {
                    final Long offset = stored.get(partition.partition());
                    if (offset == null) {
                        consumer.seekToBeginning(List.of(partition));
                    } else {
                        consumer.seek(partition, offset);
                    }
                }
                final Map<Integer, Long> end = new HashMap<>();
                consumer.endOffsets(assigned).forEach((partition, offset) -> end.put(partition.partition(), offset));
                error = null;
                state = State.LOADING;
                LOG.atInfo().addKeyValue("topic", topic.name()).addKeyValue("store", settings.directory())
                    .addKeyValue("resumeAt", stored).addKeyValue("endOffsets", end).log("reading the entity owners");
                return end;
            } catch (final ExecutionException | TimeoutException | KafkaException e) {
                error = "cannot prepare the entity owners topic " + topic.name() + ": " + e.getMessage();
                LOG.warn("{}; retrying in {}", error, RETRY);
                if (closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return null;
                }
            }
        }
    }

    private void read(final Iterable<ConsumerRecord<byte[], byte[]>> records) throws RocksDBException {
        final List<Claim> claims = new ArrayList<>();
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            final Claim claim = Claim.read(record.key(), record.value());
            if (claim != null) {
                claims.add(claim);
            } else if (record.value() != null) {
                LOG.warn("skipping a record of {} that is not a claim at partition {} offset {}", topic.name(),
                    record.partition(), record.offset());
            }
        }
        final Map<Integer, Long> reached = new HashMap<>();
        for (final TopicPartition partition : consumer.assignment()) {
            reached.put(partition.partition(), consumer.position(partition));
        }
        if (!claims.isEmpty() || !reached.equals(positions)) {
            final List<Claim> lost = store.apply(claims, reached);
            claims.forEach(claim -> onRead.accept(claim.entity()));
            for (final Claim loser : lost) {
                topic.delete(loser, partitions).whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("cannot delete the lost claim {}: {}", loser, e.getMessage());
                    }
                });
            }
            claimsRead.addAndGet(claims.size());
        }
        positions = Map.copyOf(reached);
    }

    private boolean caughtUp(final Map<Integer, Long> end) {
        final Map<Integer, Long> reached = positions;
        return end.entrySet().stream().allMatch(e -> reached.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private void fail(final Exception e) {
        error = "the entity owners reader stopped: " + e;
        state = State.FAILED;
        LOG.error("the entity owners reader stopped; the gateway answers 503 until it is restarted", e);
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
            ConsumerConfig.CLIENT_ID_CONFIG, "entity-owners-reader");
    }

    @Override
    public void close() {
        closing.countDown();
        final KafkaConsumer<byte[], byte[]> opened = consumer;
        if (opened != null) {
            opened.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        final OwnersStore openedStore = store;
        if (openedStore != null) {
            openedStore.close();
        }
    }
}
