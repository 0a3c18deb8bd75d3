package vn.tthc.monitor.tools.dvcqg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import vn.tthc.monitor.gateway.ingest.KafkaEventLog;

/**
 * The events topic as the import's sink, with the gateway's producer settings (idempotent, acks=all): each
 * event keyed as the contract says, and {@link #flush} returns once the broker acknowledged them all.
 */
final class KafkaEventSink implements DvcqgImport.EventSink {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    KafkaEventSink(final String bootstrap, final String topic) {
        this.producer = KafkaEventLog.producer(bootstrap);
        this.topic = topic;
    }

    @Override
    public void write(final String key, final byte[] event) {
        pending.add(producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), event)));
    }

    @Override
    public void flush() throws IOException {
        producer.flush();
        try {
            for (final Future<RecordMetadata> write : pending) {
                write.get();
            }
        } catch (final ExecutionException e) {
            throw new IOException("topic " + topic + " did not take the events: " + e.getCause().getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + topic, e);
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
