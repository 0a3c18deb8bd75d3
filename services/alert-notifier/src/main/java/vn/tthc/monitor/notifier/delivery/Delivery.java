package vn.tthc.monitor.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.tthc.monitor.notifier.registry.Head;

/**
 * One notification to one head over one channel.
 *
 * @param idempotencyKey SHA-256 of the notification's identity, the channel and the address: the same
 *                       notification to the same address gets the same key after a restart. Mail carries it
 *                       as Message-ID, the webhook as the {@code Idempotency-Key} header.
 * @param address        the e-mail address or the webhook URL
 */
public record Delivery(String idempotencyKey, ChannelKind channel, String address, Head recipient,
                       Notification notification) {

    static Delivery email(final Notification notification, final Head head) {
        return of(notification, ChannelKind.EMAIL, head.email(), head);
    }

    static Delivery webhook(final Notification notification, final Head head) {
        return of(notification, ChannelKind.WEBHOOK, head.webhook().toString(), head);
    }

    private static Delivery of(final Notification notification, final ChannelKind channel, final String address,
                               final Head head) {
        return new Delivery(idempotencyKey(notification.identity(), channel, address), channel, address, head,
            notification);
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
