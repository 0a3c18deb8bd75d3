package vn.tthc.monitor.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.gateway.auth.ApiKeys;
import vn.tthc.monitor.gateway.auth.RateLimits;
import vn.tthc.monitor.gateway.ingest.EventIngestion;
import vn.tthc.monitor.gateway.ingest.KafkaEventLog;
import vn.tthc.monitor.gateway.ingest.RecentEventIds;
import vn.tthc.monitor.gateway.owners.ClaimsReader;
import vn.tthc.monitor.gateway.owners.ClaimsTopic;
import vn.tthc.monitor.gateway.owners.EntityOwners;
import vn.tthc.monitor.gateway.status.CaseStatusMemory;
import vn.tthc.monitor.gateway.status.MappingFiles;
import vn.tthc.monitor.gateway.status.NationalStatusMapping;
import vn.tthc.monitor.gateway.status.StatusSync;
import vn.tthc.monitor.gateway.status.SyncMapper;

/** Builds the gateway's plain-Java parts from {@link GatewayConfiguration} and {@code kafka.*}. */
@Factory
public class GatewayFactory {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFactory.class);

    @Singleton
    ApiKeys apiKeys(final GatewayConfiguration config) {
        ApiKeys keys = ApiKeys.parse(config.keys() == null ? "" : config.keys());
        if (config.keysFile() != null && !config.keysFile().isBlank()) {
            try {
                keys = ApiKeys.of(keys, ApiKeys.parse(Files.readString(Path.of(config.keysFile()))));
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read the API keys file " + config.keysFile(), e);
            }
        }
        if (keys.size() == 0) {
            LOG.warn("no API key configured (TTHC_GATEWAY_KEYS or TTHC_GATEWAY_KEYS_FILE): every request is refused");
        }
        return keys;
    }

    @Singleton
    RateLimits rateLimits(final GatewayConfiguration config) {
        return new RateLimits(config.rateBurst(), config.rateLimit(), System::nanoTime);
    }

    /** The one producer of the gateway: events and claims. */
    @Singleton
    @Bean(preDestroy = "close")
    Producer<byte[], byte[]> producer(@Property(name = "kafka.bootstrap.servers") final String bootstrapServers) {
        return KafkaEventLog.producer(bootstrapServers);
    }

    @Singleton
    KafkaEventLog eventLog(final GatewayConfiguration config, final Producer<byte[], byte[]> producer) {
        return new KafkaEventLog(producer, config.eventsTopic());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Admin admin(@Property(name = "kafka.bootstrap.servers") final String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000));
    }

    /** Starts reading the entity owners topic (created when missing) into the local store with the application. */
    @Context
    @Bean(preDestroy = "close")
    EntityOwners entityOwners(final GatewayConfiguration config, final Admin admin, final Producer<byte[], byte[]> producer,
                              @Property(name = "kafka.bootstrap.servers") final String bootstrapServers,
                              @Property(name = "micronaut.server.port") final int port) {
        final Path stateDir = config.stateDir() == null || config.stateDir().isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "tthc-ingest-gateway-" + port)
            : Path.of(config.stateDir());
        final ClaimsTopic topic = new ClaimsTopic(producer, config.entityOwnersTopic());
        return new EntityOwners(topic, new ClaimsReader.Settings(bootstrapServers, config.partitions(),
            config.replicationFactor(), stateDir.resolve("entity-owners"), (long) config.ownersCacheMb() << 20), admin);
    }

    @Singleton
    EventIngestion eventIngestion(final GatewayConfiguration config, final KafkaEventLog eventLog,
                                  final EntityOwners owners, final MeterRegistry meters) {
        return new EventIngestion(eventLog, new RecentEventIds(config.dedupSize(), config.dedupTtl()), owners,
            config.sendTimeout(), config.maxEventBytes(), meters);
    }

    /** The status sync's mapping; a named file that is missing or invalid stops the start. */
    @Singleton
    NationalStatusMapping nationalStatusMapping(final GatewayConfiguration config) {
        final MappingFiles files = new MappingFiles(config.unitsFile(), config.fieldsFile(),
            config.receptionDefaultsFile());
        final NationalStatusMapping mapping = files.mapping(config.onlineEligibleProcedures() == null ? List.of()
            : config.onlineEligibleProcedures());
        LOG.info("national status mapping: {}", files.describe());
        return mapping;
    }

    @Singleton
    StatusSync statusSync(final NationalStatusMapping mapping, final GatewayConfiguration config,
                          final EventIngestion ingestion, final MeterRegistry meters) {
        return new StatusSync(new SyncMapper(mapping, new CaseStatusMemory(config.caseMemorySize())), ingestion,
            meters);
    }
}
