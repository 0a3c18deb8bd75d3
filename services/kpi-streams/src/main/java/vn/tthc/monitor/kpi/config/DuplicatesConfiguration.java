package vn.tthc.monitor.kpi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import vn.tthc.monitor.kpi.topology.duplicates.DuplicateSettings;

/**
 * The cross-key duplicate check ({@code tthc.duplicates.*}, issue 18 point 4); see {@link DuplicateSettings}.
 *
 * @param eventIdRetention how long an event id is kept after its first delivery (default 400 days)
 * @param purgeInterval    how often a batch of ids is looked through for those past the retention
 * @param purgeBatch       how many ids one purge looks at, at most
 */
@ConfigurationProperties("tthc.duplicates")
public record DuplicatesConfiguration(@Bindable(defaultValue = "400d") Duration eventIdRetention,
                                      @Bindable(defaultValue = "1m") Duration purgeInterval,
                                      @Bindable(defaultValue = "10000") int purgeBatch) {

    public DuplicateSettings settings() {
        return new DuplicateSettings(eventIdRetention, purgeInterval, purgeBatch);
    }
}
