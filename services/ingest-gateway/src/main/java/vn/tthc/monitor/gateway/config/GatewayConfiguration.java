package vn.tthc.monitor.gateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's settings ({@code tthc.gateway.*}).
 *
 * @param eventsTopic           the topic valid events are written to
 * @param keys                  API keys as {@code source:sha256hex,source:sha256hex} (from the environment)
 * @param keysFile              a file of {@code source:sha256hex} lines (a mounted secret), read at start
 * @param rateLimit             requests per second allowed to one key, sustained
 * @param rateBurst             requests one key may send at once above the sustained rate
 * @param dedupSize             how many accepted eventIds the gateway remembers
 * @param dedupTtl              how long it remembers each
 * @param sendTimeout           how long a request waits for the broker's acknowledgement before answering 503
 * @param maxEventBytes         the largest event accepted, in bytes; larger ones are rejected alone
 * @param caseMemorySize        how many cases' last national status the status mapping remembers
 * @param onlineEligibleProcedures procedure codes (MaTTHC) offered as full-process online service
 * @param unitsFile             the organisation file the status sync matches units against; unset, config/units.yaml
 *                              when it exists
 * @param fieldsFile            the field table of the status sync (MaLinhVuc to fieldId); unset, the shipped one
 * @param receptionDefaultsFile channel and online eligibility per source and procedure for the status sync
 * @param entityOwnersTopic     the compacted topic of the claims of cases, feedback and event ids by sources
 * @param partitions            partitions of the entity owners topic when the gateway creates it
 * @param replicationFactor     its replication factor when the gateway creates it
 * @param stateDir              the directory of the local store of the entity owners (one per instance);
 *                              unset, {@code <java.io.tmpdir>/tthc-ingest-gateway-<HTTP port>}
 * @param ownersCacheMb         the store's block cache, in MiB
 */
@ConfigurationProperties("tthc.gateway")
public record GatewayConfiguration(
    @Bindable(defaultValue = "tthc-events") String eventsTopic,
    @Nullable String keys,
    @Nullable String keysFile,
    @Bindable(defaultValue = "50") double rateLimit,
    @Bindable(defaultValue = "100") long rateBurst,
    @Bindable(defaultValue = "500000") long dedupSize,
    @Bindable(defaultValue = "24h") Duration dedupTtl,
    @Bindable(defaultValue = "10s") Duration sendTimeout,
    @Bindable(defaultValue = "65536") int maxEventBytes,
    @Bindable(defaultValue = "200000") long caseMemorySize,
    @Nullable List<String> onlineEligibleProcedures,
    @Nullable String unitsFile,
    @Nullable String fieldsFile,
    @Nullable String receptionDefaultsFile,
    @Bindable(defaultValue = "tthc-entity-owners") String entityOwnersTopic,
    @Bindable(defaultValue = "4") int partitions,
    @Bindable(defaultValue = "1") short replicationFactor,
    @Nullable String stateDir,
    @Bindable(defaultValue = "32") int ownersCacheMb) {
}
