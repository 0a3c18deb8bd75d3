package vn.tthc.monitor.operator;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator key (property {@code tthc.operator-key}, from the environment variable {@code TTHC_OPERATOR_KEY}),
 * held as its SHA-256 and compared in constant time (equal-length digests, {@link MessageDigest#isEqual});
 * when unset, no presented key matches.
 */
@Singleton
public class OperatorKey {

    private final byte[] hash;

    public OperatorKey(@Value("${tthc.operator-key:}") final String operatorKey) {
        this.hash = operatorKey.isBlank() ? null : sha256(operatorKey.strip());
    }

    public boolean matches(final String presented) {
        return hash != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    private static byte[] sha256(final String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
