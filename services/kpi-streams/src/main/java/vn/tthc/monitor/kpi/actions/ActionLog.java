package vn.tthc.monitor.kpi.actions;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.AlertKeys;

/**
 * Writes corrective-action events to their topic (key: the alert key's JSON), idempotent, {@code acks=all}, and
 * waits for the broker: an answer of success means the event is stored.
 */
@Singleton
public class ActionLog implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public ActionLog(@Value("${kafka.bootstrap.servers}") final String bootstrapServers, final ActionsConfiguration config) {
        final Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "kpi-streams-corrective-actions");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        this.topic = config.topic();
    }

    /** Writes {@code event}; throws when the broker has not stored it within 10 s. */
    public void write(final ActionEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, AlertKeys.text(event.alertKey()),
                ContractJson.mapper().writeValueAsString(event))).get(15, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a corrective action", e);
        } catch (final ExecutionException | TimeoutException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrective action not written: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close();
    }
}
