package vn.tthc.monitor.gateway.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.reactivestreams.Publisher;
import vn.tthc.monitor.gateway.owners.ClaimsReader;
import vn.tthc.monitor.gateway.owners.EntityOwners;
import vn.tthc.monitor.gateway.owners.OwnersStore;

/**
 * The {@code entityOwners} component of the gateway's /health: UP once the local store has read
 * the entity owners topic up to where it ended at start (before that, and after a failure, events
 * are answered 503); details: claims read, owners stored, claims of this instance not yet read
 * back, and {@code unreadClaims}, the records of the topic the store has not read yet.
 */
@Singleton
@Readiness
public class EntityOwnersHealthIndicator implements HealthIndicator {

    private static final String NAME = "entityOwners";

    private final EntityOwners owners;
    private final Admin admin;

    public EntityOwnersHealthIndicator(final EntityOwners owners, final Admin admin) {
        this.owners = owners;
        this.admin = admin;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::check));
    }

    private HealthResult check() {
        final EntityOwners.Status status = owners.status();
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", status.topic());
        details.put("state", status.state().name().toLowerCase(Locale.ROOT));
        details.put("claimsReadSinceStart", status.claimsRead());
        details.put("pendingClaims", status.pendingClaims());
        final OwnersStore store = owners.store();
        if (store != null) {
            details.put("storedOwners", store.estimatedOwners());
            details.put("storeDiskBytes", store.diskBytes());
        }
        if (!status.positions().isEmpty()) {
            try {
                details.put("unreadClaims", unread(status));
            } catch (final ExecutionException | TimeoutException e) {
                details.put("unreadClaims", "cannot read the end offsets of " + status.topic() + ": " + e.getMessage());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (status.error() != null) {
            details.put("error", status.error());
        }
        final boolean up = status.state() == ClaimsReader.State.LOADED
            && status.pendingClaims() < EntityOwners.MAX_PENDING;
        return HealthResult.builder(NAME, up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }

    /** Records of the topic past the store's positions, by the end offsets now. */
    private long unread(final EntityOwners.Status status)
        throws ExecutionException, InterruptedException, TimeoutException {
        final Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        status.positions().keySet().forEach(p -> latest.put(new TopicPartition(status.topic(), p), OffsetSpec.latest()));
        long unread = 0;
        for (final var end : admin.listOffsets(latest).all().get(3, TimeUnit.SECONDS).entrySet()) {
            unread += Math.max(0, end.getValue().offset() - status.positions().get(end.getKey().partition()));
        }
        return unread;
    }
}
