package vn.tthc.monitor.kpi.actions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Corrective actions ({@code tthc.actions.*}, docs/ARCHITECTURE.md "Corrective actions").
 *
 * @param topic   the topic of their events, kept for ever (retention -1, not compacted: every event stays)
 * @param linkKey the key of the alert mails' signed links ({@code TTHC_LINK_KEY}, shared with the notifier); unset: a
 *                random key for this run, and links signed elsewhere are refused
 */
@ConfigurationProperties("tthc.actions")
public record ActionsConfiguration(@Bindable(defaultValue = "tthc-corrective-actions") String topic,
                                   @Nullable String linkKey) {
}
