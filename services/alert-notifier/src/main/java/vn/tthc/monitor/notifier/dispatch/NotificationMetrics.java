package vn.tthc.monitor.notifier.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.NotificationKind;

/**
 * The notifier's series (docs/NOTIFIER.md, Metrics): {@code tthc_notifications_sent_total{channel,kind}},
 * {@code tthc_notification_failures_total{channel}}, {@code tthc_notification_latency_seconds{kind}}
 * and {@code tthc_notifications_skipped_total{reason}}; for the verdict mails also
 * {@code tthc_verdict_mails_sent_total{kind}} and {@code tthc_verdict_mails_failed_total{kind}} (kind {@code verdict} or
 * {@code correction}, e-mail only, registered at zero); the gauges are registered by whoever owns the state.
 */
public final class NotificationMetrics {

    private final MeterRegistry registry;

    public NotificationMetrics(final MeterRegistry registry) {
        this.registry = registry;
        for (final NotificationKind kind : List.of(NotificationKind.VERDICT, NotificationKind.CORRECTION)) {
            verdictMails("sent", kind);
            verdictMails("failed", kind);
        }
    }

    private static boolean isVerdict(final NotificationKind kind) {
        return kind == NotificationKind.VERDICT || kind == NotificationKind.CORRECTION;
    }

    private Counter verdictMails(final String outcome, final NotificationKind kind) {
        return Counter.builder("tthc.verdict.mails." + outcome)
            .description("sent".equals(outcome) ? "Verdict and correction mails delivered (one per head)"
                : "Verdict and correction mail attempts that failed and will be retried")
            .tag("kind", kind.tag()).register(registry);
    }

    public void sent(final ChannelKind channel, final NotificationKind kind, final Duration latency) {
        Counter.builder("tthc.notifications.sent").description("Deliveries done, by channel and kind")
            .tag("channel", channel.tag()).tag("kind", kind.tag()).register(registry).increment();
        if (channel == ChannelKind.EMAIL && isVerdict(kind)) {
            verdictMails("sent", kind).increment();
        }
        Timer.builder("tthc.notification.latency")
            .description("From the alert's triggeredAt, the warning's detectedAt or the verdict's archivedAt to the delivery")
            .tag("kind", kind.tag()).publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(6))
            .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void failed(final ChannelKind channel, final NotificationKind kind) {
        Counter.builder("tthc.notification.failures").description("Delivery attempts that failed and will be retried")
            .tag("channel", channel.tag()).register(registry).increment();
        if (channel == ChannelKind.EMAIL && isVerdict(kind)) {
            verdictMails("failed", kind).increment();
        }
    }

    /** Something not sent on purpose: {@code stale}, {@code unknown_unit}, {@code no_heads}, {@code no_parent}. */
    public void skipped(final String reason) {
        Counter.builder("tthc.notifications.skipped").description("Alerts and warnings recorded but not sent, by reason")
            .tag("reason", reason).register(registry).increment();
    }
}
