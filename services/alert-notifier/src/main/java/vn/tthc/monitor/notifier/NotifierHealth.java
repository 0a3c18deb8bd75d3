package vn.tthc.monitor.notifier;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import vn.tthc.monitor.notifier.kafka.NotifierLoop;

/**
 * UP while the notifier reads and delivers; DOWN once it has failed or stopped; UNKNOWN while it starts. Details: the
 * loop's state and the units this notifier tells (the case-warnings partitions it owns of how many, and the registry's
 * units hashed to them).
 */
@Singleton
public class NotifierHealth implements HealthIndicator {

    private final NotifierService service;

    public NotifierHealth(final NotifierService service) {
        this.service = service;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        final NotifierLoop.State state = service.state();
        final HealthStatus status = switch (state) {
            case RUNNING -> HealthStatus.UP;
            case STARTING -> HealthStatus.UNKNOWN;
            case FAILED, STOPPED -> HealthStatus.DOWN;
        };
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state);
        details.putAll(service.ownership());
        return Publishers.just(HealthResult.builder("alertNotifier", status).details(details).build());
    }
}
