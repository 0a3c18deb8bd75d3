package vn.tthc.monitor.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import vn.tthc.monitor.notifier.registry.Head;

/**
 * One notification to one head over one channel.
 *
 * @param idempotencyKey SHA-256 of the notification's identity, the channel and the address: the same
 *                       notification to the same address gets the same key after a restart. Mail carries it
 *                       as Message-ID, the webhook as the {@code Idempotency-Key} header.
 * @param address        the e-mail address or the webhook URL
 * @param toldKeys       what the destination has been told once this delivery is done: its own key, or for a
 *                       grouped notification the key each member alert has when told alone to this destination
 */
public record Delivery(String idempotencyKey, ChannelKind channel, String address, Head recipient,
                       Notification notification, List<String> toldKeys) {

    public Delivery {
        toldKeys = List.copyOf(toldKeys);
    }

    static Delivery email(final Notification notification, final Head head) {
        return of(notification, ChannelKind.EMAIL, head.email(), head);
    }

    static Delivery webhook(final Notification notification, final Head head) {
        return of(notification, ChannelKind.WEBHOOK, head.webhook().toString(), head);
    }

    private static Delivery of(final Notification notification, final ChannelKind channel, final String address,
                               final Head head) {
        final String key = idempotencyKey(notification.identity(), channel, address);
        final List<String> told = notification.members().isEmpty() ? List.of(key)
            : notification.members().stream().map(member -> idempotencyKey(member, channel, address)).toList();
        return new Delivery(key, channel, address, head, notification, told);
    }

    public static String idempotencyKey(final String identity, final ChannelKind channel, final String address) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                sha.digest((identity + "|" + channel + "|" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Deliveries to one destination go out in order, and wait together when it fails. */
    public String destination() {
        return channel + " " + address;
    }
}
