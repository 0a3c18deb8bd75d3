package vn.tthc.monitor.tools.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/**
 * Produces the lines of a JSON Lines file to the events topic, byte for byte, invalid ones
 * included; blank lines are skipped. Valid events are keyed as the contract says (caseId,
 * unitId or feedbackId); invalid ones have no key. The producer is idempotent, so a retry never
 * writes a line twice.
 */
public final class EventFileProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong produced = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public EventFileProducer(final String bootstrapServers, final String topic) {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** The number of non-blank lines of a file: what {@link #produce} will send. */
    public static long countLines(final Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    /** Sends every non-blank line and waits until the broker has acknowledged them all. */
    public void produce(final Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && failure.get() == null) {
                if (!line.isBlank()) {
                    final byte[] value = line.getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, key(value), value), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else {
                            produced.incrementAndGet();
                        }
                    });
                }
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IOException("cannot produce to " + topic + ": " + failure.get().getMessage(), failure.get());
        }
    }

    public long produced() {
        return produced.get();
    }

    private static byte[] key(final byte[] value) {
        return EventParser.parse(value) instanceof ParseResult.Valid valid
            ? valid.event().key().getBytes(StandardCharsets.UTF_8)
            : null;
    }

    @Override
    public void close() {
        producer.close();
    }
}
