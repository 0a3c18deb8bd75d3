package vn.tthc.monitor.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.registry.Head;

/**
 * One message about one thing, to a list of heads.
 *
 * @param identity    what the notification is about, stable across restarts (e.g. the alert key, state and
 *                    raisedAt); with the channel and address it makes each delivery's idempotency key
 * @param unitId      the unit the notification is about
 * @param payload     what the webhook carries besides the idempotency key
 * @param sourceTime  when the thing told about happened (alert triggeredAt, first warning's detectedAt, verdict report's
 *                    archivedAt): latency is measured from it
 * @param warningKeys the case warnings a digest carries, marked as told once every delivery of the digest is done
 * @param members     the identities of the alerts a grouped notification tells together, each told to a
 *                    destination once the delivery is done; empty when the notification tells only itself
 */
public record Notification(NotificationKind kind, String identity, String unitId, Message message,
                           Map<String, Object> payload, Instant sourceTime, List<Head> recipients,
                           List<String> warningKeys, List<String> members) {

    public Notification {
        recipients = List.copyOf(recipients);
        warningKeys = List.copyOf(warningKeys);
        members = List.copyOf(members);
    }

    /** A notification that tells only itself (one alert, one escalation, one digest). */
    public Notification(final NotificationKind kind, final String identity, final String unitId, final Message message,
                        final Map<String, Object> payload, final Instant sourceTime, final List<Head> recipients,
                        final List<String> warningKeys) {
        this(kind, identity, unitId, message, payload, sourceTime, recipients, warningKeys, List.of());
    }

    /** One delivery per head and channel: e-mail to every head, the webhook to those who have one. */
    public List<Delivery> deliveries() {
        return recipients.stream()
            .flatMap(head -> head.webhookUri().isPresent()
                ? java.util.stream.Stream.of(Delivery.email(this, head), Delivery.webhook(this, head))
                : java.util.stream.Stream.of(Delivery.email(this, head)))
            .toList();
    }
}
