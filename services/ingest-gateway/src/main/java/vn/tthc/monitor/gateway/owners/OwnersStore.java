package vn.tthc.monitor.gateway.owners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's local copy of the entity owners topic, in RocksDB: entity → owning source, and the
 * topic offsets read so far, written in the same batch (so a restart resumes where it stopped).
 * Memory is bounded by the block cache (index and filter blocks included) and two memtables.
 */
public final class OwnersStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OwnersStore.class);
    /** Meta keys start with a NUL byte, which no entity does (identifiers have no control character). */
    private static final byte[] TOPIC_ID = "\0topic-id".getBytes(StandardCharsets.UTF_8);
    private static final String POSITION = "\0position:";
    private static final long MEMTABLE_BYTES = 8L << 20;
    private static final int MEMTABLES = 2;

    private final Path directory;
    private final LRUCache cache;
    private final BloomFilter filter;
    private final Options options;
    private final WriteOptions writeOptions = new WriteOptions();
    /** Lookups and writes share it (RocksDB is thread-safe); closing takes it alone: a closed handle must never be used. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private RocksDB db;
    private boolean closed;

    private OwnersStore(final Path directory, final long cacheBytes) throws RocksDBException {
        this.directory = directory;
        this.cache = new LRUCache(cacheBytes);
        this.filter = new BloomFilter(10);
        this.options = new Options().setCreateIfMissing(true)
            .setWriteBufferSize(MEMTABLE_BYTES).setMaxWriteBufferNumber(MEMTABLES)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            // index and filters in the cache, so that it bounds them too; partitioned into small
            // blocks, so that a lookup reads one partition, not a file's whole filter (measured: a
            // whole filter larger than a cache shard made every lookup read it again, ~0.4 ms)
            .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter)
                .setIndexType(IndexType.kTwoLevelIndexSearch).setPartitionFilters(true)
                .setCacheIndexAndFilterBlocks(true).setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinTopLevelIndexAndFilter(true));
        this.db = RocksDB.open(options, directory.toString());
    }

    /**
     * Opens the store of {@code directory} for the topic whose id is {@code topicId}; a store made
     * from another topic of that name (deleted and created again) is emptied, to be rebuilt.
     */
    public static OwnersStore open(final Path directory, final String topicId, final long cacheBytes)
        throws RocksDBException {
        RocksDB.loadLibrary();
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the owners store directory " + directory, e);
        }
        final OwnersStore store = new OwnersStore(directory, cacheBytes);
        final byte[] stored = store.db.get(TOPIC_ID);
        if (stored != null && !topicId.equals(new String(stored, StandardCharsets.UTF_8))) {
            LOG.warn("the owners store in {} was made from another claims topic: emptied, rebuilt from the topic", directory);
            store.db.close();
            RocksDB.destroyDB(directory.toString(), store.options);
            store.db = RocksDB.open(store.options, directory.toString());
        }
        store.db.put(TOPIC_ID, topicId.getBytes(StandardCharsets.UTF_8));
        return store;
    }

    /** The source that owns {@code entity}, or {@code null} when no claim of it was read. */
    public String owner(final String entity) {
        lock.readLock().lock();
        try {
            requireOpen();
            final byte[] owner = db.get(entity.getBytes(StandardCharsets.UTF_8));
            return owner == null ? null : new String(owner, StandardCharsets.UTF_8);
        } catch (final RocksDBException e) {
            throw new IllegalStateException("cannot read the owners store: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Takes claims read from the topic, in offset order within each partition, and the positions
     * reached (partition → next offset): the first claim of an entity makes its owner; returns the
     * later claims by another source, which lost. One atomic write.
     */
    public List<Claim> apply(final List<Claim> claims, final Map<Integer, Long> positions) throws RocksDBException {
        final List<Claim> lost = new ArrayList<>();
        lock.readLock().lock();
        try (WriteBatch batch = new WriteBatch()) {
            requireOpen();
            final Map<String, String> owners = storedOwners(claims);
            for (final Claim claim : claims) {
                final String owner = owners.get(claim.entity());
                if (owner == null) {
                    batch.put(claim.entity().getBytes(StandardCharsets.UTF_8), claim.value());
                    owners.put(claim.entity(), claim.source());
                } else if (!owner.equals(claim.source())) {
                    lost.add(claim);
                }
            }
            for (final Map.Entry<Integer, Long> position : positions.entrySet()) {
                batch.put(positionKey(position.getKey()), ByteBuffer.allocate(Long.BYTES).putLong(position.getValue()).array());
            }
            db.write(writeOptions, batch);
        } finally {
            lock.readLock().unlock();
        }
        return lost;
    }

    /** The stored owners of the claims' entities, in one read (entity → owner; absent: none). */
    private Map<String, String> storedOwners(final List<Claim> claims) throws RocksDBException {
        final List<String> entities = claims.stream().map(Claim::entity).distinct().toList();
        if (entities.isEmpty()) {
            return new HashMap<>();
        }
        final List<byte[]> owners = db.multiGetAsList(entities.stream()
            .map(entity -> entity.getBytes(StandardCharsets.UTF_8)).toList());
        final Map<String, String> stored = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            if (owners.get(i) != null) {
                stored.put(entities.get(i), new String(owners.get(i), StandardCharsets.UTF_8));
            }
        }
        return stored;
    }

    /** The next offset to read of each partition read before (partition → offset). */
    public Map<Integer, Long> positions(final int partitions) throws RocksDBException {
        final Map<Integer, Long> positions = new HashMap<>();
        lock.readLock().lock();
        try {
            requireOpen();
            for (int partition = 0; partition < partitions; partition++) {
                final byte[] offset = db.get(positionKey(partition));
                if (offset != null) {
                    positions.put(partition, ByteBuffer.wrap(offset).getLong());
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return positions;
    }

    /** RocksDB's estimate of the claims stored (owners, not every claim read). */
    public long estimatedOwners() {
        return property("rocksdb.estimate-num-keys");
    }

    /** Bytes of the store's table files on disk (the write-ahead log and memtables not included). */
    public long diskBytes() {
        return property("rocksdb.total-sst-files-size");
    }

    public Path directory() {
        return directory;
    }

    private long property(final String name) {
        lock.readLock().lock();
        try {
            requireOpen();
            return db.getLongProperty(name);
        } catch (final RocksDBException e) {
            throw new IllegalStateException("cannot read " + name + " of the owners store: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static byte[] positionKey(final int partition) {
        return (POSITION + partition).getBytes(StandardCharsets.UTF_8);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the owners store is closed");
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                db.close();
                writeOptions.close();
                options.close();
                filter.close();
                cache.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
