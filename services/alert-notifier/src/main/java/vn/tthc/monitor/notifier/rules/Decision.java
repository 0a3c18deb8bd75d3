package vn.tthc.monitor.notifier.rules;

import java.util.List;
import vn.tthc.monitor.notifier.delivery.Delivery;

/**
 * What the {@link NotificationRules} decided about an alert, a warning or a moment.
 *
 * @param deliveries      the deliveries to make, in order: each names its recipient, channel, address,
 *                        notification (message and payload) and idempotency key
 * @param skipped         why something is not told, one reason each: {@code stale}, {@code unknown_unit},
 *                        {@code no_heads}, {@code no_parent}
 * @param settledWarnings the keys of case warnings that need nothing more: told before, or nobody to tell
 */
public record Decision(List<Delivery> deliveries, List<String> skipped, List<String> settledWarnings) {

    static final Decision NOTHING = new Decision(List.of(), List.of(), List.of());

    public Decision {
        deliveries = List.copyOf(deliveries);
        skipped = List.copyOf(skipped);
        settledWarnings = List.copyOf(settledWarnings);
    }

    static Decision skipped(final String reason) {
        return new Decision(List.of(), List.of(reason), List.of());
    }
}
