package vn.tthc.monitor.operator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed, expiring tokens of the alert mails' links to record a corrective action (docs/SECURITY.md, "Signed
 * links"): HMAC-SHA256, with the link key ({@code TTHC_LINK_KEY}, shared by the notifier that signs and kpi-streams
 * that checks), over the alert key, the recipient's e-mail address and the expiry. A token is
 * {@code base64url(alertKey).base64url(email).expiryEpochSeconds.base64url(mac)}: whoever holds it may record for
 * that alert as that recipient until it expires; changing any part breaks the MAC. Plain Java, no framework.
 */
public final class SignedLinks {

    /** The shortest link key accepted, in characters. */
    public static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when {@code key} is shorter than {@value #MIN_KEY_LENGTH} characters */
    public SignedLinks(final String key) {
        if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the link key (TTHC_LINK_KEY) must have at least " + MIN_KEY_LENGTH
                + " characters");
        }
        this.key = new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A random key of 43 characters (256 bits), for a run without {@code TTHC_LINK_KEY}. */
    public static String randomKey() {
        final byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The token for {@code recipient} to act on {@code alertKey} until {@code expiresAt} (whole seconds). */
    public String sign(final String alertKey, final String recipient, final Instant expiresAt) {
        final long expiry = expiresAt.getEpochSecond();
        return encode(alertKey) + "." + encode(recipient) + "." + expiry + "."
            + ENCODER.encodeToString(mac(alertKey, recipient, expiry));
    }

    /** What {@code token} is worth at {@code now}: valid (with what it names), expired, or invalid (malformed or tampered). */
    public Check check(final String token, final Instant now) {
        if (token == null || token.length() > 4_096) {
            return new Invalid();
        }
        final String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return new Invalid();
        }
        final String alertKey;
        final String recipient;
        final long expiry;
        final byte[] presented;
        try {
            alertKey = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            recipient = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            expiry = Long.parseLong(parts[2]);
            presented = DECODER.decode(parts[3]);
        } catch (final IllegalArgumentException e) {
            return new Invalid();
        }
        if (!MessageDigest.isEqual(presented, mac(alertKey, recipient, expiry))) {
            return new Invalid();
        }
        final Instant expiresAt = Instant.ofEpochSecond(expiry);
        return now.isBefore(expiresAt) ? new Valid(alertKey, recipient, expiresAt) : new Expired(alertKey, recipient, expiresAt);
    }

    private byte[] mac(final String alertKey, final String recipient, final long expiry) {
        try {
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // lengths first, so that no two (alert key, recipient) pairs sign the same bytes
            return mac.doFinal(("tthc-action-link-v1\n" + alertKey.length() + ":" + alertKey + "\n" + recipient.length()
                + ":" + recipient + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static String encode(final String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What a token is worth. */
    public sealed interface Check permits Valid, Expired, Invalid {
    }

    /** Signed with this key and not expired. */
    public record Valid(String alertKey, String recipient, Instant expiresAt) implements Check {
    }

    /** Signed with this key, expired at {@code expiresAt}. */
    public record Expired(String alertKey, String recipient, Instant expiresAt) implements Check {
    }

    /** Malformed, or not signed with this key (tampered, or signed with another key). */
    public record Invalid() implements Check {
    }
}
